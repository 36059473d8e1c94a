import type { AssignmentStage } from '@app/domain';
import { ApiError } from '../errors/api-error';

/**
 * The projection knows the assignment but Temporal has no workflow for it: finished (and past retention) when its
 * stage says so; otherwise not started yet (a large directive starts its assignments after storing them all).
 */
export function noWorkflowFor(id: string, stage: AssignmentStage | undefined): ApiError {
  if (stage === 'withdrawn') return new ApiError(409, 'ASSIGNMENT_WITHDRAWN', `Assignment ${id} was withdrawn; it accepts no more commands`);
  if (stage === 'closed') return new ApiError(409, 'ASSIGNMENT_CLOSED', `Assignment ${id} is closed; it accepts no more commands`);
  return new ApiError(503, 'ASSIGNMENT_STARTING', `Assignment ${id} is stored and its workflow is still starting; retry shortly`);
}
