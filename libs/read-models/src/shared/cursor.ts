import { isIsoInstant, isStorableText } from '@app/domain';

/** A cursor the client got from us and sent back altered (or never got from us). */
export class InvalidCursorError extends Error {
  readonly code = 'INVALID_CURSOR';
  constructor(readonly cursor: string) {
    super(`The cursor ${JSON.stringify(cursor.length > 80 ? `${cursor.slice(0, 80)}…` : cursor)} is not one this list handed out; start without one or pass back its nextCursor`);
    this.name = 'InvalidCursorError';
  }
}

/** The list a cursor pages: another list's cursor is refused, not read as a key of this one's. */
export type CursorList = 'assignments' | 'escalations' | 'inbox';

/** Opaque keyset cursor: its list and the sort key of the last row returned, as base64url JSON. */
export const encodeCursor = (list: CursorList, key: readonly [string, string]): string => Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');

/** An instant the domain accepts (years PostgreSQL can store), exactly as encodeCursor wrote it (toISOString). */
const isCursorInstant = (value: string): boolean => isIsoInstant(value) && new Date(value).toISOString() === value;

/**
 * `isId` checks the second part where the query casts it (a uuid): a cursor that fails it is invalid, not a 500. Text
 * PostgreSQL cannot take as a parameter (a NUL, half a surrogate pair) is invalid whatever `isId` says.
 */
export function decodeCursor(cursor: string, list: CursorList, isId: (id: string) => boolean = () => true): [string, string] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === 3 && parts[0] === list) {
      const [, at, id] = parts as unknown[];
      if (typeof at === 'string' && typeof id === 'string' && isCursorInstant(at) && isStorableText(id) && isId(id)) return [at, id];
    }
  } catch {
    // falls through to the error below
  }
  throw new InvalidCursorError(cursor);
}
