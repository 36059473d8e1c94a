import { readInAppendOrder, type Sql, type UpcasterRegistry } from '@app/event-store';
import { dondocProjector } from '../dondoc-projector';

/** Every table a projection writes: exactly what a rebuild truncates (never events, deliveries or configuration). */
export const PROJECTION_TABLES = ['directive_summary', 'assignment_summary', 'agency_status', 'escalation_timeline', 'notifications'] as const;

export interface RebuildProgress {
  readonly done: number;
  readonly total: number;
}

export interface RebuildOptions {
  onProgress?: (progress: RebuildProgress) => void;
  /** Events read and projected per round trip; default 500. */
  batchSize?: number;
  /** As given to the EventStore of the API and worker (none today). */
  upcasters?: UpcasterRegistry;
}

export interface RebuildResult {
  readonly events: number;
  readonly tables: readonly string[];
  readonly ms: number;
}

/**
 * Truncates the projection tables and replays every event through dondocProjector(), in one transaction: readers
 * see the old tables until it commits, and a failure leaves them as they were. Appends wait meanwhile (the lock on
 * `streams` lets running appends finish first), so no event is missed or projected twice.
 */
export async function rebuildProjections(sql: Sql, options: RebuildOptions = {}): Promise<RebuildResult> {
  const started = Date.now();
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const upcasters = options.upcasters ?? new Map();
  const project = dondocProjector();
  const events = await sql.begin(async (tx) => {
    await tx`lock table streams in exclusive mode`;
    await tx.unsafe(`truncate ${PROJECTION_TABLES.join(', ')}`);
    const [{ total }] = await tx<{ total: number }[]>`select count(*)::int as total from events`;
    options.onProgress?.({ done: 0, total });
    let done = 0;
    // Global position order, not the feed's (transaction_id, position): with no append running it is the order
    // events were appended, which keeps each stream's versions in order.
    let after = '0';
    for (;;) {
      const batch = await readInAppendOrder(tx, after, batchSize, upcasters);
      if (batch.length === 0) break;
      await project(tx, batch);
      done += batch.length;
      after = batch[batch.length - 1].globalPosition;
      options.onProgress?.({ done, total });
    }
    return done;
  });
  return { events, tables: PROJECTION_TABLES, ms: Date.now() - started };
}
