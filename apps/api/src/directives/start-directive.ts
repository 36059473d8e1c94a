import { WithStartWorkflowOperation, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { createDirectiveUpdate, DIRECTIVE_WORKFLOW, directiveWorkflowId, type CreateDirectiveRequest, type DirectiveWorkflowState } from '@app/contracts';
import { admitDirectiveCommand, type Actor } from '@app/domain';

/** Refusals for a directive about to be created (the API's and the CLI's), never for a repeat of one stored before they existed. */
export function admitNewDirective(directiveId: string, directive: CreateDirectiveRequest['directive'], actor: Actor): void {
  admitDirectiveCommand({ ...directive, type: 'CreateDirective', directiveId, at: new Date().toISOString(), actor });
}

/**
 * Starts the directive's workflow (or finds it) and returns once its creation and its assignments are started; past
 * `timeoutMs` (no worker polling, say) the call fails as timed out, and the creation still runs once a worker takes it.
 */
export function startDirective(client: Client, taskQueue: string, directiveId: string, request: CreateDirectiveRequest, timeoutMs?: number): Promise<DirectiveWorkflowState> {
  const start = () => client.workflow.executeUpdateWithStart(createDirectiveUpdate, {
    args: [request],
    startWorkflowOperation: new WithStartWorkflowOperation(DIRECTIVE_WORKFLOW, {
      workflowId: directiveWorkflowId(directiveId),
      taskQueue,
      args: [{ directiveId }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    }),
  });
  return timeoutMs === undefined ? start() : client.connection.withDeadline(Date.now() + timeoutMs, start);
}

/**
 * Whether the directive's workflow has ended (every assignment done, or a refused creation): starting it again would
 * begin a new run. Unknown to Temporal (past retention) counts as ended.
 */
export async function directiveEnded(client: Client, directiveId: string): Promise<boolean> {
  try {
    return (await client.workflow.getHandle(directiveWorkflowId(directiveId)).describe()).status.name !== 'RUNNING';
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return true;
    throw error;
  }
}
