import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  assignmentCommandUpdate,
  assignmentStateQuery,
  assignmentWorkflowId,
  createDirectiveUpdate,
  DIRECTIVE_WORKFLOW,
  directiveWorkflowId,
  type CommandResult,
  type UserCommandBody,
} from '@app/contracts';
import type { Actor, AssignmentPlan, AssignmentSummary, TimerPolicy } from '@app/domain';

export const SUPERVISOR: Actor = { kind: 'supervisor' };
export const agency = (code: string): Actor => ({ kind: 'agency', agency: code });

/** A timer policy in seconds instead of days, so tests watch real timers fire. */
export const FAST_TIMERS: TimerPolicy = { remindBeforeMs: [1500], ladderAfterMs: [1000, 2000, 3000] };
export const inSeconds = (seconds: number): { kind: 'instant'; at: string } => ({ kind: 'instant', at: new Date(Date.now() + seconds * 1000).toISOString() });
/** Far enough away that no timer fires during a test. */
export const FAR_DEADLINE = { kind: 'date' as const, date: '2099-12-31' };

export function plan(id: string, overrides: Partial<AssignmentPlan> = {}): AssignmentPlan {
  return {
    id,
    paragraph: null,
    text: 'Nghiên cứu và đề xuất các chính sách thu hút cán bộ trẻ',
    kind: 'single',
    agencies: [
      { agency: 'BTCTU', role: 'lead' },
      { agency: 'DDHDND', role: 'coordinator' },
    ],
    deadline: FAR_DEADLINE,
    centralCompetence: false,
    ...overrides,
  };
}

export async function createDirective(
  client: Client,
  taskQueue: string,
  assignments: AssignmentPlan[],
  options: { timerPolicy?: TimerPolicy; historyLimit?: number; directiveId?: string; reportingEveryMs?: number; title?: string; awaitCreationMs?: number } = {},
) {
  const directiveId = options.directiveId ?? `D-${randomUUID().slice(0, 8)}`;
  return client.workflow.executeUpdateWithStart(createDirectiveUpdate, {
    args: [
      {
        directive: { title: options.title ?? 'Thông báo kết luận', assignments, timerPolicy: options.timerPolicy, reportingCadence: options.reportingEveryMs ? { everyMs: options.reportingEveryMs } : undefined },
        actor: SUPERVISOR,
        correlationId: randomUUID(),
      },
    ],
    startWorkflowOperation: new WithStartWorkflowOperation(DIRECTIVE_WORKFLOW, {
      workflowId: directiveWorkflowId(directiveId),
      taskQueue,
      args: [{ directiveId, historyLimit: options.historyLimit, ...(options.awaitCreationMs !== undefined && { awaitCreationMs: options.awaitCreationMs }) }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    }),
  });
}

export function send(client: Client, assignmentId: string, command: UserCommandBody, actor: Actor, updateId?: string): Promise<CommandResult> {
  return client.workflow.getHandle(assignmentWorkflowId(assignmentId)).executeUpdate(assignmentCommandUpdate, {
    args: [{ command, actor, correlationId: randomUUID() }],
    ...(updateId ? { updateId } : {}),
  });
}

/** The domain error code a rejected command carried back, or undefined when it was accepted. */
export async function rejectionCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    const cause = error instanceof WorkflowUpdateFailedError ? error.cause : error;
    if (cause instanceof ApplicationFailure) return (cause.details?.[0] as { code: string }).code;
    throw error;
  }
}

export async function stateOf(client: Client, assignmentId: string): Promise<AssignmentSummary | null> {
  return (await client.workflow.getHandle(assignmentWorkflowId(assignmentId)).query(assignmentStateQuery)).assignment;
}

export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (accept(last)) return last;
    } catch {
      // not there yet (e.g. the workflow has not started)
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
}
