import type { FeedCursor, StoredEvent } from '@app/event-store';
import { ApiError } from '../errors/api-error';

const SHAPE = /^(\d{1,20})\.(\d{1,19})$/;
const MAX_XID8 = 2n ** 64n - 1n;
const MAX_BIGINT = 2n ** 63n - 1n;

/** The opaque cursor of the feed just past this event: `<transaction id>.<global position>`. */
export function encodeCursor(event: Pick<StoredEvent, 'transactionId' | 'globalPosition'>): string {
  return `${event.transactionId}.${event.globalPosition}`;
}

/** Reads a cursor a client sent back; anything that this API did not hand out is a 400. Undefined: the start. */
export function decodeCursor(cursor: string | undefined): FeedCursor | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const match = SHAPE.exec(cursor);
  if (!match || BigInt(match[1]) > MAX_XID8 || BigInt(match[2]) > MAX_BIGINT) {
    throw new ApiError(400, 'INVALID_CURSOR', 'The cursor is not one this API handed out; start without one or pass back a nextCursor');
  }
  return { transactionId: BigInt(match[1]).toString(), globalPosition: BigInt(match[2]).toString() };
}
