import { isStorableText } from '@app/domain';
import { ApiError } from '../errors/api-error';

/** Deeper than any of our bodies nest; a hostile one is refused before it can exhaust the stack. */
const MAX_DEPTH = 32;

/**
 * A request's body, query or path value with every string in NFC (Vietnamese arrives composed or decomposed, and
 * an Idempotency-Key retry must hash the same body either way) and storable: a NUL or half a surrogate pair is a
 * 400 here, not a failure in PostgreSQL after the command was accepted.
 */
export function normalizedInput(value: unknown, field: string, depth = 0): unknown {
  if (typeof value === 'string') {
    if (!isStorableText(value)) throw invalid(field, `${field} contains a NUL character or an unpaired surrogate`);
    return value.normalize('NFC');
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) throw invalid(field, `${field} is nested more than ${MAX_DEPTH} levels deep`);
  if (Array.isArray(value)) return value.map((item: unknown, index) => normalizedInput(item, `${field}[${index}]`, depth + 1));
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalizedInput(item, `${field}.${key}`, depth + 1)]));
}

const invalid = (field: string, message: string): ApiError => new ApiError(400, 'VALIDATION_FAILED', message, { field });
