import { ApplicationFailure } from '@temporalio/common';

/** The failure type a rejected command carries back to clients; details[0] is `{ code, details }`. */
export const DOMAIN_FAILURE_TYPE = 'DomainError';

/** A rule the command broke, as workflows and activities fail with it for good and the API answers it (4xx). */
export function domainFailure(code: string, message: string, details: unknown = null): ApplicationFailure {
  return ApplicationFailure.create({ type: DOMAIN_FAILURE_TYPE, message, details: [{ code, details }], nonRetryable: true });
}

export function isDomainFailure(error: unknown): error is ApplicationFailure {
  return error instanceof ApplicationFailure && error.type === DOMAIN_FAILURE_TYPE;
}

/** A domain failure's code and details as `domainFailure` packed them; undefined for any other error. */
export function domainFailureDetail(error: unknown): { code: string; details: unknown } | undefined {
  if (!isDomainFailure(error)) return undefined;
  const detail = error.details?.[0] as { code?: unknown; details?: unknown } | undefined;
  return typeof detail?.code === 'string' ? { code: detail.code, details: detail.details ?? undefined } : undefined;
}

/** How an assignment that has ended refuses what reaches it afterwards: left as it is, not an error. */
export const ENDED_ASSIGNMENT_CODES: ReadonlySet<string> = new Set(['ASSIGNMENT_CLOSED', 'ASSIGNMENT_WITHDRAWN']);
