import { DomainError } from './domain-error';

/** A NUL (PostgreSQL's text and jsonb cannot hold it) or a UTF-16 surrogate without its pair (not Unicode text). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A NUL or any surrogate: most text has neither, and this test is twice as fast. */
const MAYBE_UNSTORABLE = /[\u0000\uD800-\uDFFF]/;

/** False for text that could not be stored as sent: refused where it comes in, never found failing in an append. */
export const isStorableText = (value: string): boolean => !MAYBE_UNSTORABLE.test(value) || !UNSTORABLE.test(value);

/** Incoming free text: Unicode NFC (Vietnamese diacritics arrive both composed and decomposed), trimmed, not empty. */
export function requireText(value: unknown, field: string, maxLength = 20_000): string {
  if (value === undefined || value === null) throw new DomainError('VALIDATION_FAILED', `${field} is required`, { field });
  if (typeof value !== 'string') throw new DomainError('VALIDATION_FAILED', `${field} must be text`, { field });
  if (!isStorableText(value)) throw new DomainError('VALIDATION_FAILED', `${field} contains a NUL character or an unpaired surrogate`, { field });
  const text = value.normalize('NFC').trim();
  if (text.length === 0) throw new DomainError('VALIDATION_FAILED', `${field} must not be empty`, { field });
  if (text.length > maxLength) throw new DomainError('VALIDATION_FAILED', `${field} is longer than ${maxLength} characters`, { field });
  return text;
}

export function optionalText(value: unknown, field: string, maxLength?: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && value.trim().length === 0) return null;
  return requireText(value, field, maxLength);
}

/** A whole notice kept with its directive: as long as the import reads (1 MiB) and the API takes. */
export const MAX_SOURCE_TEXT_LENGTH = 1_000_000;

const AGENCY_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

export function requireAgencyCode(value: unknown, field: string): string {
  if (typeof value !== 'string' || !AGENCY_CODE.test(value)) {
    throw new DomainError('VALIDATION_FAILED', `${field} must be an agency code (letters, digits, _ or -), got ${JSON.stringify(value)}`, { field });
  }
  return value;
}

const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function requireId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ENTITY_ID.test(value)) {
    throw new DomainError('VALIDATION_FAILED', `${field} must be an id (letters, digits, '.', '_' or '-'), got ${JSON.stringify(value)}`, { field });
  }
  return value;
}
