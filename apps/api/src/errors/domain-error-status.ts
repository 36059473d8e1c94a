/** A domain error as thrown by @app/domain or carried back from a workflow update: a stable code and a message. */
export interface DomainErrorLike {
  code: string;
  message: string;
  details?: unknown;
}

export function isDomainError(error: unknown): error is DomainErrorLike {
  return error instanceof Error && error.name === 'DomainError' && typeof (error as { code?: unknown }).code === 'string';
}

const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION_FAILED: 400,
  EXTENSION_DATE_IN_PAST: 400,
  EXTENSION_TOO_FAR: 400,
  NOT_PERMITTED: 403,
  ASSIGNMENT_NOT_FOUND: 404,
  DIRECTIVE_NOT_FOUND: 404,
};

/**
 * A new due date the request itself names, refused as not after the deadline in force: a bad request, as the other
 * date refusals are (400). The same code on a decision (the deadline moved since the request) stays a conflict.
 */
const REQUEST_DATE_CODES = new Set(['EXTENSION_NOT_LATER']);

/** Invalid transitions and every other rule a command breaks: 409 Conflict unless listed. */
export function domainErrorStatus(code: string, details?: unknown): number {
  if (REQUEST_DATE_CODES.has(code) && fieldOf(details) === 'newDueAt') return 400;
  return STATUS_BY_CODE[code] ?? 409;
}

function fieldOf(details: unknown): unknown {
  return typeof details === 'object' && details !== null ? (details as { field?: unknown }).field : undefined;
}
