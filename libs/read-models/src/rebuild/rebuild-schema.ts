import type { TransactionSql } from '@app/event-store';

/** Where a rebuild fills its new tables before they replace the live ones. */
export const REBUILD_SCHEMA = 'dondoc_rebuild';

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * A fresh rebuild schema holding an empty copy of each live table (columns, defaults, constraints, with the live
 * table's owner and grants: the apps may run as another role than the rebuild). Of the indexes, only those of
 * constraints (the primary keys the projections' upserts need); the others are built once the copy is filled
 * (`indexRebuiltTables`), faster than kept up row by row. A schema left by a rebuild that died is dropped first.
 */
export async function prepareRebuildSchema(tx: TransactionSql, liveSchema: string, tables: readonly string[]): Promise<void> {
  await tx.unsafe(`drop schema if exists ${REBUILD_SCHEMA} cascade`);
  await tx.unsafe(`create schema ${REBUILD_SCHEMA}`);
  for (const table of tables) {
    const live = `${ident(liveSchema)}.${ident(table)}`;
    const copy = `${REBUILD_SCHEMA}.${ident(table)}`;
    await tx.unsafe(`create table ${copy} (like ${live} including all excluding indexes)`);
    const constraints = await tx<{ name: string; definition: string }[]>`
      select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint where conrelid = ${live}::regclass and contype in ('p', 'u', 'x') order by conname`;
    for (const c of constraints) await tx.unsafe(`alter table ${copy} add constraint ${ident(c.name)} ${c.definition}`);
    const [{ owner }] = await tx<{ owner: string }[]>`select tableowner as owner from pg_tables where schemaname = ${liveSchema} and tablename = ${table}`;
    // A new owner must be able to create in the table's schema (ours, until the swap).
    await tx.unsafe(`grant create on schema ${REBUILD_SCHEMA} to ${ident(owner)}`);
    await tx.unsafe(`alter table ${copy} owner to ${ident(owner)}`);
    const grants = await tx<{ grantee: string; privilege: string }[]>`
      select case when a.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(a.grantee)) end as grantee, a.privilege_type as privilege
      from pg_class c, aclexplode(c.relacl) a
      where c.oid = ${live}::regclass and a.grantee <> c.relowner`;
    for (const grant of grants) await tx.unsafe(`grant ${grant.privilege} on ${copy} to ${grant.grantee}`);
  }
}

/**
 * Builds on each filled copy the live table's indexes that no constraint made, under the same names (the copy is in
 * another schema), so the swap keeps every index the live table had.
 */
export async function indexRebuiltTables(tx: TransactionSql, liveSchema: string, tables: readonly string[]): Promise<void> {
  await tx`select set_config('maintenance_work_mem', '256MB', true)`;
  for (const table of tables) {
    const indexes = await tx<{ name: string; unique: boolean; definition: string }[]>`
      select c.relname as name, i.indisunique as unique, pg_get_indexdef(i.indexrelid) as definition
      from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = ${`${ident(liveSchema)}.${ident(table)}`}::regclass and not exists (select from pg_constraint k where k.conrelid = i.indrelid and k.conindid = i.indexrelid and k.contype in ('p', 'u', 'x'))
      order by c.relname`;
    for (const index of indexes) {
      const method = index.definition.slice(index.definition.indexOf(' USING ') + 1);
      await tx.unsafe(`create ${index.unique ? 'unique ' : ''}index ${ident(index.name)} on ${REBUILD_SCHEMA}.${ident(table)} ${method}`);
    }
  }
}

/** Fresh statistics for the filled copies, so that the first queries on them after the swap are planned well. */
export async function analyzeRebuiltTables(tx: TransactionSql, tables: readonly string[]): Promise<void> {
  for (const table of tables) await tx.unsafe(`analyze ${REBUILD_SCHEMA}.${ident(table)}`);
}

/** Takes the live tables for the swap: reads of them wait from here until the commit. */
export async function lockLiveTables(tx: TransactionSql, liveSchema: string, tables: readonly string[]): Promise<void> {
  await tx.unsafe(`lock table ${tables.map((table) => `${ident(liveSchema)}.${ident(table)}`).join(', ')} in access exclusive mode`);
}

/**
 * Drops each live table and moves its rebuilt copy into the live schema under the same name, its indexes renamed to
 * the live ones' names (later migrations may name them), then drops the rebuild schema. Reads of a table wait for the
 * commit, then read the new one.
 */
export async function swapInRebuiltTables(tx: TransactionSql, liveSchema: string, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    const liveNames = new Map<string, string[]>();
    for (const index of await indexesOf(tx, liveSchema, table)) liveNames.set(index.shape, [...(liveNames.get(index.shape) ?? []), index.name]);
    const rebuilt = await indexesOf(tx, REBUILD_SCHEMA, table);
    await tx.unsafe(`drop table ${ident(liveSchema)}.${ident(table)}`);
    await tx.unsafe(`alter table ${REBUILD_SCHEMA}.${ident(table)} set schema ${ident(liveSchema)}`);
    for (const index of rebuilt) {
      // One live name per copy, even for two indexes of the same shape (a duplicate a DBA made).
      const name = liveNames.get(index.shape)?.shift();
      if (name !== undefined && name !== index.name) await tx.unsafe(`alter index ${ident(liveSchema)}.${ident(index.name)} rename to ${ident(name)}`);
    }
  }
  await tx.unsafe(`drop schema ${REBUILD_SCHEMA}`);
}

/** A table's indexes, each with its definition without its name or schema: the same for a table and its copy. */
async function indexesOf(tx: TransactionSql, schema: string, table: string): Promise<{ name: string; shape: string }[]> {
  const rows = await tx<{ name: string; definition: string }[]>`
    select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = ${`${ident(schema)}.${ident(table)}`}::regclass
    order by c.relname`;
  return rows.map((row) => ({ name: row.name, shape: row.definition.replace(/^CREATE (UNIQUE )?INDEX .+? ON .+? USING /, 'CREATE $1INDEX USING ') }));
}
