import { ApplicationFailure } from '@temporalio/workflow';
import { isDomainError } from '@app/domain';
import { DOMAIN_FAILURE_TYPE } from '@app/contracts';

/** Runs a decision; a rejected command becomes a failure the client can read (code, message), never a task failure. */
export function decideOrFail<T>(decision: () => T): T {
  try {
    return decision();
  } catch (error) {
    if (isDomainError(error)) {
      throw ApplicationFailure.create({ type: DOMAIN_FAILURE_TYPE, message: error.message, details: [{ code: error.code, details: error.details ?? null }], nonRetryable: true });
    }
    throw error;
  }
}

export const nowIso = (): string => new Date(Date.now()).toISOString();
