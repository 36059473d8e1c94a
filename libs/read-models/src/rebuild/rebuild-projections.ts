import { readInAppendOrder, type Sql, type UpcasterRegistry } from '@app/event-store';
import { dondocProjectionSession } from '../dondoc-projector';

/** Every table a projection writes: exactly what a rebuild truncates (never events, deliveries or configuration). */
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
}

export interface RebuildResult {
  readonly events: number;
  readonly tables: readonly string[];
  readonly ms: number;
}

/**
 * Truncates the projection tables and replays every event through dondoc's projections, in one transaction: a failure
 * leaves them as they were. Reads of those tables wait until it commits (TRUNCATE locks them), and so do appends (the
 * lock on `streams` lets running appends finish first), so no event is missed or projected twice.
 */
export async function rebuildProjections(sql: Sql, options: RebuildOptions = {}): Promise<RebuildResult> {
  const started = Date.now();
  const batchSize = Math.max(1, options.batchSize ?? 2000);
  const upcasters = options.upcasters ?? new Map();
  // Assignment rows are written once many have changed (and at the end), not with every batch.
  const session = dondocProjectionSession({
    holdChanges: options.holdChanges ?? 10_000,
    keepStates: options.keepStates ?? 20_000,
    startsEmpty: true,
  });
  const events = await sql.begin(async (tx) => {
    await tx`lock table streams in exclusive mode`;
    await tx.unsafe(`truncate ${PROJECTION_TABLES.join(', ')}`);
    const [{ total }] = await tx<{ total: number }[]>`select count(*)::int as total from events`;
    options.onProgress?.({ done: 0, total });
    let done = 0;
    // Global position order, not the feed's (transaction_id, position): with no append running it is the order
    // events were appended, which keeps each stream's versions in order.
    const read = (after: string) => readInAppendOrder(tx, after, batchSize, upcasters);
    let batch = await read('0');
    while (batch.length > 0) {
      // The next batch is read while this one is projected: PostgreSQL and the evolve run at the same time.
      const next = read(batch[batch.length - 1].globalPosition);
      next.catch(() => undefined); // if projecting fails first, the transaction's error is the one reported
      await session.project(tx, batch);
      done += batch.length;
      options.onProgress?.({ done, total });
      batch = await next;
    }
    await session.flush(tx);
    return done;
  });
  return { events, tables: PROJECTION_TABLES, ms: Date.now() - started };
}
