import { Inject, Injectable } from '@nestjs/common';
import type { Sql } from '@app/event-store';
import { SQL } from '../core/tokens';

/** What a key was first used for, and once that succeeded, the answer (wrapped: an answer may be undefined). */
export interface IdempotencyRecord {
  requestHash: string;
  /** When this use of the key was recorded, in microseconds since the epoch (whatever the session's TimeZone): a key freed by a refusal and used again is a new use. */
  claimedAt: string;
  response: { result?: unknown } | null;
}

/** The idempotency_keys table. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(@Inject(SQL) private readonly sql: Sql) {}

  /** Records the key for this request unless it is recorded already; returns the record that stands. */
  async claim(tokenId: string, key: string, requestHash: string): Promise<IdempotencyRecord> {
    await this.sql`
      insert into idempotency_keys (token_id, key, request_hash) values (${tokenId}, ${key}, ${requestHash})
      on conflict do nothing`;
    const [row] = await this.sql<IdempotencyRecord[]>`
      select request_hash as "requestHash", (extract(epoch from created_at) * 1000000)::bigint::text as "claimedAt", response from idempotency_keys where token_id = ${tokenId} and key = ${key}`;
    return row;
  }

  async storeResponse(tokenId: string, key: string, result: unknown): Promise<void> {
    const response = (result === undefined ? {} : { result }) as Parameters<Sql['json']>[0];
    await this.sql`
      update idempotency_keys set response = ${this.sql.json(response)}
      where token_id = ${tokenId} and key = ${key} and response is null`;
  }

  /** Forgets a key whose request was refused, unless an answer was stored for it meanwhile. */
  async release(tokenId: string, key: string, requestHash: string): Promise<void> {
    await this.sql`
      delete from idempotency_keys
      where token_id = ${tokenId} and key = ${key} and request_hash = ${requestHash} and response is null`;
  }
}
