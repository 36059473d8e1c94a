import { createHash } from 'node:crypto';

/** JSON with every object's keys sorted, so equal bodies serialise alike whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.keys(inner).sort().map((key) => [key, (inner as Record<string, unknown>)[key]]))
      : inner,
  ) ?? 'null';
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** What a request under an idempotency key must match on a retry: its operation and its body. */
export function requestHash(scope: string, body: unknown): string {
  return sha256(stableJson({ scope, body }));
}

/**
 * The Temporal update id of a keyed request: the same for every retry of one use of the key, so they collapse into
 * one update. A key freed by a refusal and used again (the corrected request, or the same one once the race that
 * refused it is over) is another use with an id of its own: a refusal by the update's handler stays in history under
 * the old id, and Temporal would answer it again.
 */
export function idempotentUpdateId(tokenId: string, key: string, claimedAt: string): string {
  return `idem-${sha256(`${tokenId}\n${key}\n${claimedAt}`).slice(0, 40)}`;
}

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;

export const isValidIdempotencyKey = (key: string): boolean => KEY.test(key);
