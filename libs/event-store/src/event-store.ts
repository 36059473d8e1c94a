import type { Sql, TransactionSql } from 'postgres';
import { StreamVersionConflictError } from './errors';
import { deterministicEventId } from './event-id';
import type { AppendContext, AppendResult, FeedCursor, NewEvent, StoredEvent } from './types';
import { upcast, type UpcasterRegistry } from './upcasters';

/** Runs inside the append's transaction: read models change atomically with the events. */
export type Projector = (tx: TransactionSql, events: StoredEvent[]) => Promise<void>;

interface EventRow {
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: StoredEvent['metadata'];
  occurred_at: Date;
  global_position: string;
  transaction_id: string;
}

// The statements are constant text: prepared once per connection, each then runs in one round trip (an unprepared
// query with parameters is described first, a round trip of its own).
const PREPARED = { prepare: true } as const;

const COLUMNS = 'event_id, stream_id, stream_version, type, schema_version, data, metadata, occurred_at, global_position::text, transaction_id::text';

export class EventStore {
  constructor(
    private readonly sql: Sql,
    private readonly upcasters: UpcasterRegistry = new Map(),
    private readonly projector: Projector = async () => undefined,
  ) {}

  /**
   * Appends events at expectedVersion + 1… in one transaction, with the projections. A retry of an append
   * that already committed (same stream versions, hence the same event ids) writes nothing and returns the
   * stored events.
   */
  async append(streamId: string, expectedVersion: number, events: NewEvent[], context: AppendContext): Promise<AppendResult> {
    if (events.length === 0) return { version: expectedVersion, events: [], duplicate: false };
    const newVersion = expectedVersion + events.length;
    return this.sql.begin(async (tx) => {
      if (!(await this.advanceStream(tx, streamId, expectedVersion, newVersion))) {
        const [stream] = await tx<{ version: number }[]>`select version from streams where stream_id = ${streamId}`;
        return this.retryOrConflict(tx, streamId, expectedVersion, events, stream?.version ?? 0);
      }
      const rows = events.map((event, index) => ({
        event_id: deterministicEventId(streamId, expectedVersion + index + 1, event.type, event.data),
        stream_id: streamId,
        stream_version: expectedVersion + index + 1,
        type: event.type,
        schema_version: event.schemaVersion,
        data: event.data,
        metadata: { actor: context.actor, correlationId: context.correlationId, causationId: context.causationId },
        occurred_at: context.occurredAt,
      }));
      const stored = await tx.unsafe<EventRow[]>(
        `insert into events (event_id, stream_id, stream_version, type, schema_version, data, metadata, occurred_at)
         select * from jsonb_to_recordset($1::jsonb) as x(event_id uuid, stream_id text, stream_version int, type text,
           schema_version int, data jsonb, metadata jsonb, occurred_at timestamptz)
         returning ${COLUMNS}`,
        [rows as never],
        PREPARED,
      );
      const appended = stored.map((row) => eventFromRow(row, this.upcasters));
      await this.projector(tx, appended);
      return { version: newVersion, events: appended, duplicate: false };
    }) as Promise<AppendResult>;
  }

  async readStream(streamId: string, fromVersion = 1): Promise<StoredEvent[]> {
    const rows = await this.sql.unsafe<EventRow[]>(
      `select ${COLUMNS} from events where stream_id = $1 and stream_version >= $2 order by stream_version`,
      [streamId, fromVersion],
      PREPARED,
    );
    return rows.map((row) => eventFromRow(row, this.upcasters));
  }

  async streamVersion(streamId: string): Promise<number> {
    const rows = await this.sql<{ version: number }[]>`select version from streams where stream_id = ${streamId}`;
    return rows[0]?.version ?? 0;
  }

  /**
   * The global feed after a cursor, in commit-safe order: only events of transactions older than every
   * transaction still running are visible, so a reader never passes an event that commits later.
   */
  async readAll(after: FeedCursor | undefined, limit: number): Promise<StoredEvent[]> {
    const rows = await this.sql.unsafe<EventRow[]>(
      `select ${COLUMNS} from events
       where (transaction_id, global_position) > ($1::xid8, $2::bigint)
         and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       order by events.transaction_id, events.global_position -- the columns, not the ::text aliases
       limit $3`,
      [after?.transactionId ?? '0', after?.globalPosition ?? '0', limit],
      PREPARED,
    );
    return rows.map((row) => eventFromRow(row, this.upcasters));
  }

  /**
   * Moves the stream from the expected version to the new one in one statement, which also locks its row until the
   * transaction ends; false when the stream is at another version (nothing changed).
   */
  private async advanceStream(tx: TransactionSql, streamId: string, expected: number, next: number): Promise<boolean> {
    const rows =
      expected === 0
        ? await tx`insert into streams (stream_id, version) values (${streamId}, ${next})
            on conflict (stream_id) do update set version = ${next} where streams.version = 0 returning version`
        : await tx`update streams set version = ${next} where stream_id = ${streamId} and version = ${expected} returning version`;
    return rows.length === 1;
  }

  private async retryOrConflict(tx: TransactionSql, streamId: string, expected: number, events: NewEvent[], actual: number): Promise<AppendResult> {
    const count = events.length;
    const ids = events.map((event, index) => deterministicEventId(streamId, expected + index + 1, event.type, event.data));
    const existing = await tx.unsafe<EventRow[]>(`select ${COLUMNS} from events where event_id = any($1::uuid[]) order by stream_version`, [ids], PREPARED);
    if (existing.length !== count) throw new StreamVersionConflictError(streamId, expected, actual);
    return { version: expected + count, events: existing.map((row) => eventFromRow(row, this.upcasters)), duplicate: true };
  }
}

/**
 * Every event after a global position, in append order (the global position). For a reader that holds the
 * append lock, such as a projection rebuild; live readers follow the commit-safe `readAll`.
 */
export async function readInAppendOrder(db: Sql | TransactionSql, afterPosition: string, limit: number, upcasters: UpcasterRegistry = new Map()): Promise<StoredEvent[]> {
  const rows = await db.unsafe<EventRow[]>(
    `select ${COLUMNS} from events where global_position > $1::bigint
     order by events.global_position -- the column, not the ::text alias
     limit $2`,
    [afterPosition, limit],
    PREPARED,
  );
  return rows.map((row) => eventFromRow(row, upcasters));
}

function eventFromRow(row: EventRow, upcasters: UpcasterRegistry): StoredEvent {
  return upcast(
    {
      eventId: row.event_id,
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      type: row.type,
      schemaVersion: row.schema_version,
      data: row.data,
      metadata: row.metadata,
      occurredAt: new Date(row.occurred_at).toISOString(),
      globalPosition: row.global_position,
      transactionId: row.transaction_id,
    },
    upcasters,
  );
}
