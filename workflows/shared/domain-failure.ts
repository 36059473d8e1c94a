import { isDomainError } from '@app/domain';
import { domainFailure } from '@app/contracts';

/** Runs a decision; a rejected command becomes a failure the client can read (code, message), never a task failure. */
export function decideOrFail<T>(decision: () => T): T {
  try {
    return decision();
  } catch (error) {
    if (isDomainError(error)) {
      throw domainFailure(error.code, error.message, error.details ?? null);
    }
    throw error;
  }
}

export const nowIso = (): string => new Date(Date.now()).toISOString();
