import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { ApiError } from '../errors/api-error';
import { toErrorBody } from '../errors/errors.filter';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { idempotentUpdateId, isValidIdempotencyKey, requestHash } from './request-hash';

/** Makes a write safe to retry under an Idempotency-Key: one effect, the same answer every time. */
@Injectable()
export class IdempotencyService {
  constructor(private readonly keys: IdempotencyKeysRepository) {}

  /**
   * Without a key: just executes. With one: a retry of the same request (same scope and body) gets the stored
   * answer without executing again; another request under the same key is a 422. Until an answer is stored (the
   * first try is running, or failed for want of Temporal or PostgreSQL), retries execute again with the same update
   * id, so Temporal runs the update once. A refusal (a 4xx: nothing was stored) frees the key, so the corrected
   * request may use it.
   */
  async run<T>(principal: Principal, key: string | undefined, scope: string, body: unknown, execute: (updateId: string | undefined) => Promise<T>): Promise<T> {
    if (key === undefined) return execute(undefined);
    if (!isValidIdempotencyKey(key)) {
      throw new ApiError(400, 'INVALID_IDEMPOTENCY_KEY', 'An Idempotency-Key is 1 to 200 characters of A-Z, a-z, 0-9, ".", "_", ":" and "-"');
    }
    const hash = requestHash(scope, body);
    const record = await this.keys.claim(principal.tokenId, key, hash);
    if (record.requestHash !== hash) {
      throw new ApiError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another request; use a new key for a new request');
    }
    if (record.response) return record.response.result as T;
    let result: T;
    try {
      result = await execute(idempotentUpdateId(principal.tokenId, key, record.claimedAt));
    } catch (error) {
      if (toErrorBody(error).statusCode < 500) await this.keys.release(principal.tokenId, key, hash);
      throw error;
    }
    await this.keys.storeResponse(principal.tokenId, key, result);
    return result;
  }
}
