import { WorkflowExecutionAlreadyStartedError, type WorkflowClient } from '@temporalio/client';
import { ASSIGNMENT_STARTS_IN_FLIGHT, ASSIGNMENT_WORKFLOW, assignmentWorkflowId, initialSearchAttributes, type DondocActivities } from '@app/contracts';
import { heartbeating } from './heartbeating';
import { eachInFlight } from './in-flight';

/**
 * Starts assignment workflows as a client does rather than as children of the directive: a child start is recorded
 * in the parent's history and serialized on it, so a directive of a thousand assignments started them one workflow
 * task after another. These workflows outlived their directive's runs anyway (the children were abandoned).
 */
export function startAssignmentsActivity(client: WorkflowClient, taskQueue: string): DondocActivities['startAssignments'] {
  return ({ inputs, at, inFlight = ASSIGNMENT_STARTS_IN_FLIGHT }) => heartbeating(async () => {
    let alreadyStarted = 0;
    await eachInFlight(inputs, inFlight, async (input) => {
      const state = input.carried?.state;
      try {
        await client.start(ASSIGNMENT_WORKFLOW, {
          workflowId: assignmentWorkflowId(input.assignmentId),
          taskQueue,
          args: [input],
          // What the directive's children were started with: the stored state's, as of the directive's creation.
          typedSearchAttributes: state?.exists ? initialSearchAttributes(state, at) : [],
        });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        alreadyStarted += 1;
      }
    });
    return { started: inputs.length - alreadyStarted, alreadyStarted };
  });
}
