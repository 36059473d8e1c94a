import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { domainFailureDetail, isDomainFailure } from '@app/contracts';
import { ApiError } from '../errors/api-error';

/** A command the workflow rejected, as the domain said it: a stable code and a message. */
export class RejectedCommandError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Turns what Temporal answers about a workflow command into the API's errors; anything else passes through. */
export function translateWorkflowError(error: unknown, what: string, id: string): unknown {
  if (error instanceof WorkflowUpdateFailedError && isDomainFailure(error.cause)) {
    const detail = domainFailureDetail(error.cause);
    return new RejectedCommandError(detail?.code ?? 'INVALID_TRANSITION', error.cause.message, detail?.details);
  }
  // A worker from before this update existed (a rolling deploy): nothing was stored, and a new worker will take it.
  if (error instanceof WorkflowUpdateFailedError && isUnknownUpdate(error.cause)) {
    return new ApiError(503, 'SERVICE_UNAVAILABLE', `The workers are being upgraded and cannot take this ${what.toLowerCase()} command yet; nothing was stored, retry shortly`);
  }
  if (error instanceof WorkflowNotFoundError) return new ApiError(404, 'NOT_FOUND', `${what} ${id} was not found`);
  if (isCompletedWorkflow(error)) return new ApiError(409, 'ASSIGNMENT_CLOSED', `${what} ${id} is closed; it accepts no more commands`);
  return error;
}

/** The SDK's refusal of an update its workflow has no handler for. */
const isUnknownUpdate = (cause: unknown): boolean => cause instanceof Error && cause.message.startsWith('No registered handler for update');

function isCompletedWorkflow(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : '';
  return /already completed|workflow execution already completed/i.test(text);
}
