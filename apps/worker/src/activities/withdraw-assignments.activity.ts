import { WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowClient } from '@temporalio/client';
import { ASSIGNMENT_WITHDRAWALS_IN_FLIGHT, assignmentCommandUpdate, assignmentWorkflowId, domainFailureDetail, type DondocActivities, type WithdrawAssignmentsInput } from '@app/contracts';

/** Refusals that say the assignment had finished before: it is left as it is. */
const FINISHED = new Set(['ASSIGNMENT_CLOSED', 'ASSIGNMENT_WITHDRAWN']);

/**
 * Sends each assignment of a withdrawn directive the Withdraw update a supervisor would send through the API, a few
 * dozen in flight. Each update's id is fixed by the directive and the assignment, so a retry of this activity (its
 * worker died) is answered by the update already run; any other failure fails the activity, which is retried.
 */
export function withdrawAssignmentsActivity(client: WorkflowClient): DondocActivities['withdrawAssignments'] {
  return async (input) => {
    const withdrawn = new Set<string>();
    let next = 0;
    const withdrawNext = async (): Promise<void> => {
      while (next < input.assignmentIds.length) {
        const assignmentId = input.assignmentIds[next++];
        if (await withdrawOne(client, assignmentId, input)) withdrawn.add(assignmentId);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(ASSIGNMENT_WITHDRAWALS_IN_FLIGHT, input.assignmentIds.length)) }, withdrawNext));
    return {
      withdrawn: input.assignmentIds.filter((id) => withdrawn.has(id)),
      alreadyClosed: input.assignmentIds.filter((id) => !withdrawn.has(id)),
    };
  };
}

/** True when this withdrew it; false when it had finished (its workflow refused, or has ended). */
async function withdrawOne(client: WorkflowClient, assignmentId: string, input: WithdrawAssignmentsInput): Promise<boolean> {
  const { reason, actor, correlationId, tokenId, updateIdPrefix } = input;
  try {
    await client.getHandle(assignmentWorkflowId(assignmentId)).executeUpdate(assignmentCommandUpdate, {
      args: [{ command: { type: 'Withdraw', reason }, actor, correlationId, ...(tokenId && { tokenId }) }],
      updateId: `${updateIdPrefix}/${assignmentId}`,
    });
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    if (error instanceof WorkflowUpdateFailedError && FINISHED.has(domainFailureDetail(error.cause)?.code ?? '')) return false;
    throw error;
  }
}

