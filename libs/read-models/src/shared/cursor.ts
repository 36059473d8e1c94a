import { isIsoInstant, isStorableText } from '@app/domain';

/** A cursor the client got from us and sent back altered (or never got from us). */
export class InvalidCursorError extends Error {
  readonly code = 'INVALID_CURSOR';
  constructor(readonly cursor: string) {
    super(`Invalid cursor ${JSON.stringify(cursor)}`);
    this.name = 'InvalidCursorError';
  }
}

/** Opaque keyset cursor: the sort key of the last row returned, as base64url JSON. */
export const encodeCursor = (key: readonly [string, string]): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/** An instant the domain accepts (years PostgreSQL can store), exactly as encodeCursor wrote it (toISOString). */
const isCursorInstant = (value: string): boolean => isIsoInstant(value) && new Date(value).toISOString() === value;

/**
 * `isId` checks the second part where the query casts it (a uuid): a cursor that fails it is invalid, not a 500. Text
 * PostgreSQL cannot take as a parameter (a NUL, half a surrogate pair) is invalid whatever `isId` says.
 */
export function decodeCursor(cursor: string, isId: (id: string) => boolean = () => true): [string, string] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 2 && key.every((part) => typeof part === 'string') && isCursorInstant(key[0]) && isStorableText(key[1]) && isId(key[1])) {
      return [key[0], key[1]];
    }
  } catch {
    // falls through to the error below
  }
  throw new InvalidCursorError(cursor);
}
