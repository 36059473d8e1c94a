import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { createDirectiveUpdate, DIRECTIVE_WORKFLOW, directiveWorkflowId, type CreateDirectiveRequest, type DirectiveWorkflowState } from '@app/contracts';

/** Starts the directive's workflow (or finds it) and returns once its creation and its assignments are started. */
export function startDirective(client: Client, taskQueue: string, directiveId: string, request: CreateDirectiveRequest): Promise<DirectiveWorkflowState> {
  return client.workflow.executeUpdateWithStart(createDirectiveUpdate, {
    args: [request],
    startWorkflowOperation: new WithStartWorkflowOperation(DIRECTIVE_WORKFLOW, {
      workflowId: directiveWorkflowId(directiveId),
      taskQueue,
      args: [{ directiveId }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    }),
  });
}
