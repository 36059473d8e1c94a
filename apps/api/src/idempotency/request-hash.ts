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
 * The Temporal update id of a keyed request: the same for every retry of it, so they collapse into one update. A
 * corrected request under a key freed by a refusal reuses it: a refusal by the update's validator leaves nothing in
 * history, so the id runs anew.
 */
export function idempotentUpdateId(tokenId: string, key: string): string {
  return `idem-${sha256(`${tokenId}\n${key}`).slice(0, 40)}`;
}

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;

export const isValidIdempotencyKey = (key: string): boolean => KEY.test(key);
