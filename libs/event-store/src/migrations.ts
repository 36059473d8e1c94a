import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sql, TransactionSql } from 'postgres';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = join(__dirname, 'migrations');
// Any fixed number: serialises concurrent migrators (api and worker starting together).
const MIGRATION_LOCK = 4_717_001;

/** Versioned migrations, `NNN-name.sql`, read from the folder beside this file. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}-.+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 3)), name: file.slice(4, -4), sql: readFileSync(join(dir, file), 'utf8') }));
}

/**
 * Applies the migrations not yet applied, all in one transaction under an advisory lock; applying twice is a no-op.
 * With none to apply it takes no lock, so an app starting while a projection rebuild holds migrations off
 * (`holdMigrationsOff`) does not wait for it; one with a migration to apply does.
 */
export async function migrate(sql: Sql, migrations = loadMigrations()): Promise<number[]> {
  if (!(await anyToApply(sql, migrations))) return [];
  return sql.begin(async (tx) => {
    // A migration may take long (an index on a big events table): not the connection's timeouts (the worker's 20/25 s).
    await tx`set local lock_timeout = 0`;
    await tx`set local statement_timeout = 0`;
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`create table if not exists schema_migrations (
      version integer primary key, name text not null, applied_at timestamptz not null default now())`;
    const done = new Set((await tx<{ version: number }[]>`select version from schema_migrations`).map((row) => row.version));
    const applied: number[] = [];
    for (const migration of migrations.filter((m) => !done.has(m.version))) {
      await tx.unsafe(migration.sql);
      await tx`insert into schema_migrations (version, name) values (${migration.version}, ${migration.name})`;
      applied.push(migration.version);
    }
    return applied;
  });
}

async function anyToApply(sql: Sql, migrations: readonly Migration[]): Promise<boolean> {
  const [{ known }] = await sql<{ known: boolean }[]>`select to_regclass('schema_migrations') is not null as known`;
  if (!known) return migrations.length > 0;
  const done = new Set((await sql<{ version: number }[]>`select version from schema_migrations`).map((row) => row.version));
  return migrations.some((m) => !done.has(m.version));
}

/**
 * Holds migrations off until the transaction ends (waiting for one that runs): a projection rebuild copies the
 * tables' shapes when it starts and swaps its copies in at the end, which would drop a column or index added between.
 */
export async function holdMigrationsOff(tx: TransactionSql): Promise<void> {
  await tx`select pg_advisory_xact_lock_shared(${MIGRATION_LOCK})`;
}
