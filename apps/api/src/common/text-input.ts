import { isStorableText } from '@app/domain';
import { ApiError } from '../errors/api-error';

/** Deeper than any of our bodies nest; a hostile one is refused before it can exhaust the stack. */
const MAX_DEPTH = 32;

/** What is wrong and where: the path is filled in on the way out, so the walk itself allocates nothing. */
class Refused {
  readonly path: (string | number)[] = [];
  constructor(readonly problem: string) {}
}

/**
 * A request's body, query or path value with every string in NFC (Vietnamese arrives composed or decomposed, and
 * an Idempotency-Key retry must hash the same body either way) and storable: a NUL or half a surrogate pair is a
 * 400 here, not a failure in PostgreSQL after the command was accepted. Arrays and plain objects (the request's
 * own, freshly parsed) are normalised in place.
 */
export function normalizedInput(value: unknown, field: string): unknown {
  try {
    return normalized(value, 0);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    const name = [field, ...error.path].map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('').slice(1);
    throw new ApiError(400, 'VALIDATION_FAILED', `${name} ${error.problem}`, { field: name });
  }
}

function normalized(value: unknown, depth: number): unknown {
  if (typeof value === 'string') {
    if (!isStorableText(value)) throw new Refused('contains a NUL character or an unpaired surrogate');
    return value.normalize('NFC');
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) throw new Refused(`is nested more than ${MAX_DEPTH} levels deep`);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = inside(value[index], depth, index);
    return value;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = inside(record[key], depth, key);
  return record;
}

function inside(value: unknown, depth: number, at: string | number): unknown {
  try {
    return normalized(value, depth + 1);
  } catch (error) {
    if (error instanceof Refused) error.path.unshift(at);
    throw error;
  }
}
