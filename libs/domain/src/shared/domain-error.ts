/** Stable error codes: clients and the API map them to statuses; never rename one, only add. */
export const DOMAIN_ERROR_CODES = [
  'ASSIGNMENT_NOT_FOUND',
  'ASSIGNMENT_ALREADY_EXISTS',
  'ASSIGNMENT_CLOSED',
  'ASSIGNMENT_WITHDRAWN',
  'DIRECTIVE_NOT_FOUND',
  'DIRECTIVE_ALREADY_EXISTS',
  'DIRECTIVE_WITHDRAWN',
  'INVALID_TRANSITION',
  'OUT_OF_ORDER',
  'NOT_PERMITTED',
  'VALIDATION_FAILED',
  'NOT_BEYOND_COMPETENCE',
  'CENTRE_RESPONSE_REQUIRED',
  'EXTENSION_DATE_IN_PAST',
  'EXTENSION_NOT_LATER',
  'EXTENSION_ALREADY_PENDING',
  'EXTENSION_NOT_PENDING',
  'TIMER_NOT_DUE',
  'TIMER_ALREADY_FIRED',
  'TIMER_NOT_APPLICABLE',
  'UNKNOWN_TRACK',
  'EXTENSION_TOO_FAR',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** Every rejected command throws this; `name` is what the API's error filter recognises. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(code: DomainErrorCode, message: string, details?: Readonly<Record<string, unknown>>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
