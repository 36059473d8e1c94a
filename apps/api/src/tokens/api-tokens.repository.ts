import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Sql } from '@app/event-store';
import { isUuid } from '@app/read-models';
import type { Principal, Role } from '../auth/principal';
import { SQL } from '../core/tokens';

/** A token as listed: never its secret nor its hash. */
export interface ApiTokenRecord {
  id: string;
  role: Role;
  agency: string | null;
  label: string | null;
  bootstrap: boolean;
  createdAt: string;
  revokedAt: string | null;
}

export interface NewApiToken {
  role: Role;
  agency: string | null;
  label: string | null;
  tokenHash: string;
}

// Any fixed number: one process at a time decides whether the first admin token must be generated.
const FIRST_ADMIN_LOCK = 4_717_003;

interface TokenRow {
  id: string;
  role: Role;
  agency: string | null;
  label: string | null;
  bootstrap: boolean;
  created_at: Date;
  revoked_at: Date | null;
}

const toRecord = (row: TokenRow): ApiTokenRecord => ({
  id: row.id,
  role: row.role,
  agency: row.agency,
  label: row.label,
  bootstrap: row.bootstrap,
  createdAt: row.created_at.toISOString(),
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

/** The api_tokens table; the only place that reads or writes it. */
@Injectable()
export class ApiTokensRepository {
  constructor(@Inject(SQL) private readonly sql: Sql) {}

  /** The principal of a live (not revoked) token with this hash. */
  async principalByHash(tokenHash: string): Promise<Principal | undefined> {
    const rows = await this.sql<Principal[]>`
      select id as "tokenId", role, agency from api_tokens where token_hash = ${tokenHash} and revoked_at is null`;
    return rows[0];
  }

  /** False once the token is revoked (or gone). */
  async isLive(tokenId: string): Promise<boolean> {
    const rows = await this.sql`select 1 from api_tokens where id = ${tokenId} and revoked_at is null`;
    return rows.length > 0;
  }

  async insert(token: NewApiToken): Promise<ApiTokenRecord> {
    const [row] = await this.sql<TokenRow[]>`
      insert into api_tokens (id, role, agency, label, token_hash)
      values (${randomUUID()}, ${token.role}, ${token.agency}, ${token.label}, ${token.tokenHash})
      returning *`;
    return toRecord(row);
  }

  async list(): Promise<ApiTokenRecord[]> {
    const rows = await this.sql<TokenRow[]>`select * from api_tokens order by created_at, id`;
    return rows.map(toRecord);
  }

  /** The labels of these tokens (those that have one), by id: who acted, as the admin named the token. */
  async labelsOf(ids: readonly string[]): Promise<Map<string, string>> {
    const known = [...new Set(ids.filter(isUuid))];
    if (known.length === 0) return new Map();
    const rows = await this.sql<{ id: string; label: string }[]>`select id, label from api_tokens where id = any(${known}::uuid[]) and label is not null`;
    return new Map(rows.map((row) => [row.id, row.label]));
  }

  /** The token with this id; an id that is not a UUID names no token. */
  async find(id: string): Promise<ApiTokenRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const rows = await this.sql<TokenRow[]>`select * from api_tokens where id = ${id}`;
    return rows[0] && toRecord(rows[0]);
  }

  /**
   * Marks the token revoked (keeping the first revocation time), unless it is the last live admin token: then false,
   * and nothing changes. Under the first-admin lock, so two admins revoking each other cannot leave none.
   */
  async revokeUnlessLastAdmin(id: string): Promise<boolean> {
    return this.sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`;
      const [{ last }] = await tx<{ last: boolean }[]>`
        select exists (select 1 from api_tokens where id = ${id} and role = 'admin' and revoked_at is null)
          and not exists (select 1 from api_tokens where id <> ${id} and role = 'admin' and revoked_at is null) as last`;
      if (last) return false;
      await tx`update api_tokens set revoked_at = coalesce(revoked_at, now()) where id = ${id} and not bootstrap`;
      return true;
    }) as Promise<boolean>;
  }

  /** Makes this hash the one bootstrap admin token: inserted or revived, and any earlier bootstrap token revoked. */
  async upsertBootstrapAdmin(tokenHash: string): Promise<void> {
    await this.sql.begin(async (tx) => {
      await tx`
        insert into api_tokens (id, role, agency, label, token_hash, bootstrap)
        values (${randomUUID()}, 'admin', null, 'DONDOC_ADMIN_TOKEN', ${tokenHash}, true)
        on conflict (token_hash) do update set role = 'admin', agency = null, bootstrap = true, revoked_at = null`;
      await tx`update api_tokens set revoked_at = now() where bootstrap and token_hash <> ${tokenHash} and revoked_at is null`;
    });
  }

  /** Revokes the DONDOC_ADMIN_TOKEN admin token of an earlier boot (the variable is no longer set). */
  async revokeBootstrapAdmins(): Promise<void> {
    await this.sql`update api_tokens set revoked_at = now() where bootstrap and revoked_at is null`;
  }

  /**
   * Inserts an admin token with this hash unless a live admin token exists, under a lock so that of processes
   * booting together only one does. True when this call inserted it.
   */
  async insertFirstAdmin(tokenHash: string, label: string): Promise<boolean> {
    return this.sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`;
      const [{ exists }] = await tx<{ exists: boolean }[]>`
        select exists (select 1 from api_tokens where role = 'admin' and revoked_at is null) as exists`;
      if (exists) return false;
      await tx`
        insert into api_tokens (id, role, agency, label, token_hash) values (${randomUUID()}, 'admin', null, ${label}, ${tokenHash})`;
      return true;
    }) as Promise<boolean>;
  }
}
