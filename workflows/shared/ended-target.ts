import { log } from '@temporalio/workflow';
import { domainFailureDetail, isDomainFailure } from '@app/contracts';

/** How a finished assignment refuses what reaches it after it ended. */
const ENDED_CODES: ReadonlySet<string> = new Set(['ASSIGNMENT_CLOSED', 'ASSIGNMENT_WITHDRAWN']);

function reachedAnEndedAssignment(error: unknown): boolean {
  if (isDomainFailure(error)) return ENDED_CODES.has(domainFailureDetail(error)?.code ?? '');
  // The Rust core's words for a signal to a workflow that has already finished.
  return /not found/i.test(String(error));
}

/**
 * A signal between an "each of" parent and its tracks that finds the other already ended is the ordinary end of a
 * withdrawal or closing (each withdrawn track reports to a parent that was withdrawn first): logged at debug, not as
 * a warning per district. Anything else is a warning.
 */
export function logSignalFailure(what: string, error: unknown): void {
  (reachedAnEndedAssignment(error) ? log.debug : log.warn)(what, { error: String(error) });
}
