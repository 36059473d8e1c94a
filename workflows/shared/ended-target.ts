import { log } from '@temporalio/workflow';
import { ENDED_ASSIGNMENT_CODES, domainFailureDetail, isDomainFailure } from '@app/contracts';

function reachedAnEndedAssignment(error: unknown): boolean {
  if (isDomainFailure(error)) return ENDED_ASSIGNMENT_CODES.has(domainFailureDetail(error)?.code ?? '');
  // The Rust core's words for a signal to a workflow that has already finished.
  return error instanceof Error && error.message.startsWith('Unable to signal external workflow because it was not found');
}

/**
 * A signal between an "each of" parent and its tracks that finds the other already ended is the ordinary end of a
 * withdrawal or closing (each withdrawn track reports to a parent that was withdrawn first): logged at debug, not as
 * a warning per district. Anything else is a warning.
 */
export function logSignalFailure(what: string, error: unknown): void {
  (reachedAnEndedAssignment(error) ? log.debug : log.warn)(what, { error: String(error) });
}
