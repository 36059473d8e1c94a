import { holdMigrationsOff, readInAppendOrder, readUnseenBy, type Sql, type StoredEvent, type TransactionSql, type UpcasterRegistry } from '@app/event-store';
import { dondocProjectionSession } from '../dondoc-projector';
import type { ProjectionSession } from '../projector';
import { analyzeRebuiltTables, indexRebuiltTables, lockLiveTables, prepareRebuildSchema, REBUILD_SCHEMA, swapInRebuiltTables } from './rebuild-schema';

/** Every table a projection writes: exactly what a rebuild replaces (never events, deliveries or configuration). */
export const PROJECTION_TABLES = ['directive_summary', 'assignment_summary', 'agency_status', 'escalation_timeline', 'notifications'] as const;

export interface RebuildProgress {
  readonly done: number;
  readonly total: number;
}

export interface RebuildOptions {
  onProgress?: (progress: RebuildProgress) => void;
  /** Events read and projected per round trip; default 2,000. */
  batchSize?: number;
  /** Changed assignments held in memory before their rows are written; default 10,000. */
  holdChanges?: number;
  /** Assignment states kept in memory between batches; default 20,000. */
  keepStates?: number;
  /** As given to the EventStore of the API and worker (none today). */
  upcasters?: UpcasterRegistry;
  /** Called once the events of the first pass are projected, before the catch-up takes its lock (tests append here). */
  beforeCatchUp?: () => Promise<void>;
}

export interface RebuildResult {
  readonly events: number;
  readonly tables: readonly string[];
  readonly ms: number;
}

/** Another rebuild is running (one at a time). */
export class RebuildRunningError extends Error {
  constructor() {
    super('another projection rebuild is running');
    this.name = 'RebuildRunningError';
  }
}

// The advisory lock a rebuild holds: "dondoc" in ASCII.
const REBUILD_LOCK = 0x646f6e646f63;
// Events projected per commit of the new tables: a commit now and then keeps the feed moving (see below).
const EVENTS_PER_COMMIT = 20_000;
/**
 * How long the swap waits for the live tables, with appends held off meanwhile, before it lets go and tries again: a
 * long reader (a table-by-table pg_dump) must not stop every append for as long as it runs.
 */
const SWAP_LOCK_WAIT = '2s';
const SWAP_ATTEMPTS = 30;
const SWAP_RETRY_MS = 1_000;

interface Start {
  readonly locked: boolean;
  readonly total: number;
  readonly snapshot: string;
  readonly liveSchema: string;
}

/**
 * Replays every event through dondoc's projections into new tables, then swaps them in for the live ones; reads and
 * appends go on meanwhile. The first pass reads a snapshot of the events (a read-only transaction) and fills the new
 * tables in a rebuild schema, committing now and then: the global feed shows only what is older than every running
 * transaction that writes, so one long writing transaction would hold live readers back. The second pass takes the
 * lock appends take and the live tables, projects what was appended since the snapshot and swaps the tables in, so
 * appends and reads wait only for that. A failure leaves the live tables as they were. Migrations wait for the
 * rebuild (its copies have the tables' shapes of when it started). Uses two connections of the pool.
 */
export async function rebuildProjections(sql: Sql, options: RebuildOptions = {}): Promise<RebuildResult> {
  // With one connection, the reader's transaction would hold it while the writes wait for it for ever.
  if (sql.options.max < 2) throw new Error('rebuildProjections needs a pool of at least two connections');
  const started = Date.now();
  const events = await sql.begin('isolation level repeatable read read only', async (reader) => {
    // The first statement takes the snapshot the events are read from.
    const [start] = await reader<Start[]>`
      select pg_try_advisory_xact_lock(${REBUILD_LOCK}) as locked, count(*)::int as total, pg_current_snapshot()::text as snapshot,
        (select n.nspname from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = 'directive_summary'::regclass) as "liveSchema"
      from events`;
    if (!start.locked) throw new RebuildRunningError();
    // Idle through the other connection's work: a server-wide idle timeout must not end it mid-rebuild.
    await reader`set local idle_in_transaction_session_timeout = 0`;
    await holdMigrationsOff(reader);
    // A failure drops the half-filled new tables (the live ones were never touched), still under the lock.
    return rebuild(sql, reader, start, options).catch(async (error: unknown) => {
      await sql.unsafe(`drop schema if exists ${REBUILD_SCHEMA} cascade`).catch(() => undefined);
      throw error;
    });
  });
  return { events, tables: PROJECTION_TABLES, ms: Date.now() - started };
}

async function rebuild(sql: Sql, reader: TransactionSql, start: Start, options: RebuildOptions): Promise<number> {
  const batchSize = Math.max(1, options.batchSize ?? 2000);
  const upcasters = options.upcasters ?? new Map();
  // Assignment rows are written once many have changed (and at the end), not with every batch.
  const session = dondocProjectionSession({ holdChanges: options.holdChanges ?? 10_000, keepStates: options.keepStates ?? 20_000, startsEmpty: true });
  const progress = { done: 0, total: start.total };
  const projected = (n: number): void => {
    progress.done += n;
    options.onProgress?.({ ...progress });
  };
  projected(0);
  await sql.begin((tx) => prepareRebuildSchema(tx, start.liveSchema, PROJECTION_TABLES));

  // First pass: the snapshot's events into the new tables, the live ones untouched.
  let batch = await readInAppendOrder(reader, '0', batchSize, upcasters);
  while (batch.length > 0) {
    batch = await onRebuildTables(sql, async (tx) => {
      const upTo = progress.done + Math.max(batchSize, EVENTS_PER_COMMIT);
      const rest = await projectAll(tx, session, batch, (after) => readInAppendOrder(reader, after, batchSize, upcasters), projected, () => progress.done >= upTo);
      await session.flush(tx);
      return rest;
    });
  }
  await sql.begin(async (tx) => {
    await indexRebuiltTables(tx, start.liveSchema, PROJECTION_TABLES);
    await analyzeRebuiltTables(tx, PROJECTION_TABLES);
  });
  await options.beforeCatchUp?.();

  // Second pass: what was appended since, with appends held off; then the new tables replace the live ones.
  await withLiveTables(sql, start.liveSchema, async (tx) => {
    const read = (after: string): Promise<StoredEvent[]> => readUnseenBy(tx, start.snapshot, after, batchSize, upcasters);
    const since = await read('0');
    progress.total += since.length === 0 ? 0 : await countUnseenBy(tx, start.snapshot);
    await projectAll(tx, session, since, read, projected, () => false);
    await session.flush(tx);
    await swapInRebuiltTables(tx, start.liveSchema, PROJECTION_TABLES);
  });
  return progress.done;
}

/** A transaction whose unqualified table names find the new tables first (the projections' statements name them so). */
function onRebuildTables<T>(sql: Sql, work: (tx: TransactionSql) => Promise<T>): Promise<T> {
  return sql.begin(async (tx) => {
    await tx`select set_config('search_path', ${`${REBUILD_SCHEMA}, `} || current_setting('search_path'), true)`;
    return work(tx);
  }) as Promise<T>;
}

/**
 * Runs `work` on the rebuild's tables once it holds the lock appends take and the live tables. Waiting for them is
 * bounded: a reader holding a live table makes it let go (appends go on) and try again a little later. Nothing is
 * projected before both are held, so a try given up leaves the projection session as it was.
 */
async function withLiveTables(sql: Sql, liveSchema: string, work: (tx: TransactionSql) => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await onRebuildTables(sql, async (tx) => {
        await tx`select set_config('lock_timeout', ${SWAP_LOCK_WAIT}, true)`;
        await tx`lock table streams in exclusive mode`;
        await lockLiveTables(tx, liveSchema, PROJECTION_TABLES);
        await tx`select set_config('lock_timeout', '0', true)`;
        await work(tx);
      });
    } catch (error) {
      if (!isLockTimeout(error)) throw error;
      if (attempt >= SWAP_ATTEMPTS) throw new Error(`the live tables stayed in use (a long reader, such as a table-by-table dump?) through ${SWAP_ATTEMPTS} tries; nothing was swapped`);
      await new Promise((resolve) => setTimeout(resolve, SWAP_RETRY_MS));
    }
  }
}

const isLockTimeout = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === '55P03';

/**
 * Projects `batch` and the batches after it until `read` gives none or `enough` says so, reading the next batch while
 * one is projected (PostgreSQL and the evolve run at the same time); returns the batch read and not projected.
 */
async function projectAll(
  tx: TransactionSql,
  session: ProjectionSession,
  first: StoredEvent[],
  read: (after: string) => Promise<StoredEvent[]>,
  projected: (n: number) => void,
  enough: () => boolean,
): Promise<StoredEvent[]> {
  let batch = first;
  while (batch.length > 0) {
    const next = read(batch[batch.length - 1].globalPosition);
    next.catch(() => undefined); // if projecting fails first, the transaction's error is the one reported
    await session.project(tx, batch);
    projected(batch.length);
    batch = await next;
    if (enough()) return batch;
  }
  return batch;
}

async function countUnseenBy(tx: TransactionSql, snapshot: string): Promise<number> {
  const [{ n }] = await tx<{ n: number }[]>`
    select count(*)::int as n from events
    where transaction_id >= pg_snapshot_xmin(${snapshot}::pg_snapshot) and not pg_visible_in_snapshot(transaction_id, ${snapshot}::pg_snapshot)`;
  return n;
}
