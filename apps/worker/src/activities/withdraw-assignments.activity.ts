import { WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowClient } from '@temporalio/client';
import { ASSIGNMENT_WITHDRAWALS_IN_FLIGHT, assignmentCommandUpdate, assignmentWorkflowId, domainFailureDetail, ENDED_ASSIGNMENT_CODES, type DondocActivities, type WithdrawAssignmentsInput, type WithdrawAssignmentsOutput } from '@app/contracts';
import { heartbeating } from './heartbeating';
import { eachInFlight } from './in-flight';

/**
 * Sends each assignment of a withdrawn directive the Withdraw update a supervisor would send through the API, a few
 * dozen in flight, heartbeating while it runs. Each update's id is fixed by the directive and the assignment, so a
 * retry of this activity (its worker died) is answered by the updates already run, by a workflow that has ended since
 * too; any other failure fails the activity, which is retried.
 */
export function withdrawAssignmentsActivity(client: WorkflowClient): DondocActivities['withdrawAssignments'] {
  return (input) => heartbeating(() => withdrawAssignments(client, input));
}

export async function withdrawAssignments(client: WorkflowClient, input: WithdrawAssignmentsInput): Promise<WithdrawAssignmentsOutput> {
  const withdrawn = new Set<string>();
  await eachInFlight(input.assignmentIds, ASSIGNMENT_WITHDRAWALS_IN_FLIGHT, async (assignmentId) => {
    if (await withdrawOne(client, assignmentId, input)) withdrawn.add(assignmentId);
  });
  // A parent tells its tracks by signal, which each takes in its own time (tens of seconds for hundreds of districts
  // on a busy server): withdrawn here too, none of them acts on its part once the Office has its answer.
  await eachInFlight(input.trackIds ?? [], ASSIGNMENT_WITHDRAWALS_IN_FLIGHT, async (trackId) => void (await withdrawOne(client, trackId, input)));
  return {
    withdrawn: input.assignmentIds.filter((id) => withdrawn.has(id)),
    alreadyClosed: input.assignmentIds.filter((id) => !withdrawn.has(id)),
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
    if (error instanceof WorkflowUpdateFailedError && ENDED_ASSIGNMENT_CODES.has(domainFailureDetail(error.cause)?.code ?? '')) return false;
    throw error;
  }
}

