import { allHandlersFinished, condition, continueAsNew, ParentClosePolicy, patched, setHandler, startChild, workflowInfo } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  assignmentCommandsFor,
  decideDirective,
  EVENT_SCHEMA_VERSION,
  evolveDirective,
  initialDirectiveState,
  nextCompiledReportAt,
  type Actor,
  type CreateAssignment,
  type DirectiveCommand,
  type DirectiveState,
  type StatusCounts,
} from '@app/domain';
import {
  assignmentReadySignal,
  assignmentWorkflowId,
  createDirectiveUpdate,
  directiveStateQuery,
  directiveStreamId,
  type DirectiveWorkflowInput,
  type DirectiveWorkflowState,
} from '@app/contracts';
import { assignmentWorkflow } from './assignment.workflow';
import { appendEvents, directiveStatusCounts } from './shared/activities';
import { decideOrFail, nowIso } from './shared/domain-failure';
import { SerialQueue } from './shared/serial-queue';

const DEFAULT_HISTORY_LIMIT = 10_000;
/** How long creation waits for every assignment to be stored before answering anyway (they keep starting). */
const READY_TIMEOUT_MS = 60_000;
const PATCH_WAIT_FOR_READY = 'directive-waits-for-ready-assignments';
const PATCH_PARALLEL_STARTS = 'directive-starts-assignments-in-batches';
/** Child starts in flight at once: one round trip per batch instead of per assignment. */
const START_BATCH = 100;

/**
 * The monitor's duty for one directive (the Provincial Party Office's): records the directive, starts one
 * workflow per assignment and per agency track, and compiles the periodic report for the Standing Committee.
 */
export async function directiveWorkflow(input: DirectiveWorkflowInput): Promise<void> {
  let state = (input.carried?.state as DirectiveState | undefined) ?? initialDirectiveState;
  let version = input.carried?.version ?? 0;
  let started = input.carried?.started ?? false;
  const queue = new SerialQueue();
  const ready = new Set<string>();

  const apply = async (command: DirectiveCommand, correlationId: string): Promise<void> => {
    const events = decideOrFail(() => decideDirective(command, state));
    const appended = await appendEvents({
      streamId: directiveStreamId(input.directiveId),
      expectedVersion: version,
      events: events.map((event) => ({ type: event.type, data: event.data, schemaVersion: EVENT_SCHEMA_VERSION[event.type] })),
      occurredAt: command.at,
      actor: command.actor,
      correlationId,
      causationId: null,
    });
    state = events.reduce(evolveDirective, state);
    version = appended.version;
  };

  const view = (): DirectiveWorkflowState => ({
    directiveId: input.directiveId,
    created: state.exists,
    version,
    assignmentIds: state.exists ? state.assignments.map((plan) => plan.id) : [],
  });

  setHandler(directiveStateQuery, view);
  setHandler(assignmentReadySignal, ({ assignmentId }) => void ready.add(assignmentId));
  setHandler(
    createDirectiveUpdate,
    (request) =>
      queue.run(async () => {
        if (!state.exists) {
          await apply({ ...request.directive, directiveId: input.directiveId, type: 'CreateDirective', at: nowIso(), actor: request.actor }, request.correlationId);
        }
        if (!started) {
          const commands = assignmentCommandsFor(state, nowIso());
          await startAssignments(commands, request.correlationId, input.historyLimit);
          started = true;
          // Answer once every assignment is stored, so a client can read them right after creating the directive.
          if (patched(PATCH_WAIT_FOR_READY)) await condition(() => commands.every((command) => ready.has(command.assignmentId)), READY_TIMEOUT_MS);
        }
        return view();
      }),
    {
      validator: (request) => {
        if (state.exists) return; // a repeat answers the existing directive
        decideOrFail(() => decideDirective({ ...request.directive, directiveId: input.directiveId, type: 'CreateDirective', at: nowIso(), actor: request.actor }, state));
      },
    },
  );

  await condition(() => state.exists && started);
  while (state.exists && state.status === 'active') {
    const dueAt = nextCompiledReportAt(state);
    if (!dueAt) break;
    const waitMs = Date.parse(dueAt) - Date.now();
    if (waitMs <= 0 || !(await condition(() => !state.exists || state.status !== 'active', waitMs))) {
      await queue.run(() => compileReport(state, apply));
    }
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > (input.historyLimit ?? DEFAULT_HISTORY_LIMIT)) {
      await condition(() => queue.idle && allHandlersFinished());
      await continueAsNew<typeof directiveWorkflow>({ ...input, carried: { state, version, started } });
    }
  }
  await condition(() => queue.idle && allHandlersFinished());
}

async function compileReport(state: DirectiveState, apply: (command: DirectiveCommand, correlationId: string) => Promise<void>): Promise<void> {
  if (!state.exists) return;
  const at = nowIso();
  const counts = (await directiveStatusCounts({ directiveId: state.id, at })) as StatusCounts;
  const actor: Actor = { kind: 'system' };
  await apply({ type: 'RecordCompiledReport', periodEnd: at, counts, at, actor }, workflowInfo().workflowId);
}

/** Starts each assignment's workflow once; ids derive from the assignment, so a repeat starts nothing. */
async function startAssignments(commands: CreateAssignment[], correlationId: string, historyLimit: number | undefined): Promise<void> {
  const startOne = async (create: CreateAssignment): Promise<void> => {
    try {
      await startChild(assignmentWorkflow, {
        workflowId: assignmentWorkflowId(create.assignmentId),
        args: [{ assignmentId: create.assignmentId, create, historyLimit, correlationId }],
        // Assignments outlive this workflow's runs (continue-as-new) and its withdrawal bookkeeping.
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  };
  if (!patched(PATCH_PARALLEL_STARTS)) {
    for (const create of commands) await startOne(create);
    return;
  }
  for (let index = 0; index < commands.length; index += START_BATCH) {
    await Promise.all(commands.slice(index, index + START_BATCH).map(startOne));
  }
}
