import type { Sql, TransactionSql } from 'postgres';
import { StreamsTakenError, StreamVersionConflictError } from './errors';
import { deterministicEventId } from './event-id';
import type { AppendContext, AppendResult, FeedCursor, NewEvent, StoredEvent, StreamAppend } from './types';
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
    const [result] = await this.appendToStreams([{ streamId, expectedVersion, events }], context);
    return result;
  }

  /**
   * Appends to several streams in one transaction, all or nothing, with the projections of every event: a
   * directive and its assignments are stored together. Each stream is checked and retried as `append` does.
   *
   * `reserve` (a directive's first batch): streams this writer creates in later calls (its assignments beyond the
   * batch), claimed at version 0 in this transaction. Then a stream it creates (expected version 0) or reserves
   * that another writer's events or claim already hold is taken: StreamsTakenError, and nothing is stored. A retry
   * of a call that committed (whose streams the store holds as this command's) claims nothing again.
   */
  async appendToStreams(appends: StreamAppend[], context: AppendContext, options: { reserve?: readonly string[] } = {}): Promise<AppendResult[]> {
    if (new Set(appends.map((a) => a.streamId)).size !== appends.length) throw new Error('appendToStreams: a stream is listed twice');
    const writes = appends.filter((a) => a.events.length > 0);
    if (writes.length === 0) return appends.map((a) => ({ version: a.expectedVersion, events: [], duplicate: false }));
    return this.sql.begin(async (tx) => {
      const creating = options.reserve !== undefined;
      const stored = await this.advanceAndInsert(tx, writes, context, !creating);
      const advanced = new Set(stored.map((event) => event.streamId));
      const results = new Map<string, AppendResult>();
      const stale = writes.filter((a) => !advanced.has(a.streamId));
      if (stale.length > 0) for (const [streamId, result] of await this.retriesOrConflict(tx, stale, context, creating)) results.set(streamId, result);
      if (stale.length === 0 && options.reserve?.length) await reserveStreams(tx, options.reserve);
      await this.projector(tx, stored);
      for (const a of writes.filter((w) => advanced.has(w.streamId))) {
        results.set(a.streamId, { version: a.expectedVersion + a.events.length, events: stored.filter((e) => e.streamId === a.streamId), duplicate: false });
      }
      return appends.map((a) => results.get(a.streamId) ?? { version: a.expectedVersion, events: [], duplicate: false });
    }) as Promise<AppendResult[]>;
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

  /** The cursor past the last commit-safe event (as readAll sees them): a reader starting there gets only what follows. */
  async head(): Promise<FeedCursor | undefined> {
    const rows = await this.sql.unsafe<FeedCursor[]>(
      `select transaction_id::text as "transactionId", global_position::text as "globalPosition" from events
       where transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       order by events.transaction_id desc, events.global_position desc
       limit 1`,
      [],
      PREPARED,
    );
    return rows[0];
  }

  /**
   * Moves each stream from its expected version to its new one and inserts its events, in one statement (one round
   * trip): the events go in only for the streams moved, whose rows stay locked (in stream order) until the
   * transaction ends. A stream at another version is not moved and gets no events; every append here has events,
   * so the streams moved are those with events returned. `fillClaimed`: a stream claimed at version 0 (reserved)
   * may be created; not by a directive's first batch, which would take another directive's claim.
   */
  private async advanceAndInsert(tx: TransactionSql, appends: StreamAppend[], context: AppendContext, fillClaimed: boolean): Promise<StoredEvent[]> {
    const streams = appends.map((a) => ({ stream_id: a.streamId, expected: a.expectedVersion, next: a.expectedVersion + a.events.length }));
    const metadata = { actor: context.actor, correlationId: context.correlationId, causationId: context.causationId, ...(context.tokenId && { tokenId: context.tokenId }) };
    const events = appends.flatMap(({ streamId, expectedVersion, events }) =>
      events.map((event, index) => ({
        event_id: deterministicEventId(streamId, expectedVersion + index + 1, event.type, event.data),
        stream_id: streamId,
        stream_version: expectedVersion + index + 1,
        type: event.type,
        schema_version: event.schemaVersion,
        data: event.data,
        metadata,
        occurred_at: context.occurredAt,
      })),
    ).map((event, position) => ({ position, ...event }));
    const rows = await tx.unsafe<EventRow[]>(
      `with input as (select * from jsonb_to_recordset($1::jsonb) as x(stream_id text, expected int, next int)),
       created as (
         insert into streams (stream_id, version) select stream_id, next from input where expected = 0 order by stream_id
         on conflict (stream_id) do update set version = excluded.version where streams.version = 0 and $3::boolean
         returning stream_id),
       moved as (
         update streams s set version = i.next from input i
         where s.stream_id = i.stream_id and i.expected > 0 and s.version = i.expected
         returning s.stream_id),
       advanced as (select stream_id from created union all select stream_id from moved)
       insert into events (event_id, stream_id, stream_version, type, schema_version, data, metadata, occurred_at)
       select x.event_id, x.stream_id, x.stream_version, x.type, x.schema_version, x.data, x.metadata, x.occurred_at
       from jsonb_to_recordset($2::jsonb) as x(position int, event_id uuid, stream_id text, stream_version int, type text,
         schema_version int, data jsonb, metadata jsonb, occurred_at timestamptz)
       where x.stream_id in (select stream_id from advanced)
       order by x.position -- global positions are drawn in this order: a stream's events in version order
       returning ${COLUMNS}`,
      [streams as never, events as never, fillClaimed],
      PREPARED,
    );
    return rows.map((row) => eventFromRow(row, this.upcasters)).sort((a, b) => Number(BigInt(a.globalPosition) - BigInt(b.globalPosition)));
  }

  /**
   * Streams not at their expected version: a retry of an append that committed, or a conflict. Two statements for
   * all of them, sent together (a third for those the first two did not settle): a retried directive of thousands
   * of streams is not a query per stream.
   */
  private async retriesOrConflict(tx: TransactionSql, appends: StreamAppend[], context: AppendContext, creating = false): Promise<Map<string, AppendResult>> {
    const ids = appends.map((a) => a.streamId);
    const eventIds = appends.flatMap(({ streamId, expectedVersion, events }) =>
      events.map((event, index) => deterministicEventId(streamId, expectedVersion + index + 1, event.type, event.data)),
    );
    const [versions, existing] = await Promise.all([
      tx<{ stream_id: string; version: number }[]>`select stream_id, version from streams where stream_id = any(${ids}::text[])`,
      tx.unsafe<EventRow[]>(`select ${COLUMNS} from events where event_id = any($1::uuid[]) order by stream_id, stream_version`, [eventIds], PREPARED),
    ]);
    const actual = new Map(versions.map((row) => [row.stream_id, row.version]));
    const stored = new Map<string, EventRow[]>();
    for (const row of existing) {
      const rows = stored.get(row.stream_id);
      if (rows) rows.push(row);
      else stored.set(row.stream_id, [row]);
    }
    const redecided = appends.filter((a) => (stored.get(a.streamId)?.length ?? 0) !== a.events.length);
    for (const [streamId, rows] of await this.sameCommandStored(tx, redecided, context)) stored.set(streamId, rows);
    const results = new Map<string, AppendResult>();
    // Streams to be created that another command's events already fill (even equal ones): taken, not a retry.
    const anothers = (a: StreamAppend): boolean => {
      const rows = stored.get(a.streamId) ?? [];
      return rows.length !== a.events.length || rows.some((row) => row.metadata.correlationId !== context.correlationId);
    };
    const taken = creating ? appends.filter((a) => a.expectedVersion === 0 && anothers(a)) : [];
    if (taken.length > 0) throw new StreamsTakenError(taken.map((a) => a.streamId));
    for (const { streamId, expectedVersion: expected, events } of appends) {
      const rows = stored.get(streamId) ?? [];
      if (rows.length !== events.length) throw new StreamVersionConflictError(streamId, expected, actual.get(streamId) ?? 0);
      results.set(streamId, { version: expected + events.length, events: rows.map((row) => eventFromRow(row, this.upcasters)), duplicate: true });
    }
    return results;
  }

  /**
   * The same command decided again after its first attempt committed: a workflow task retried after its worker
   * died runs at a new workflow time, so the same events carry other times in their data, hence other ids. Each
   * stream has one writer (its workflow, which appends one command at a time), so what follows its expected
   * version with the same types, correlation and actor is that first attempt: the caller gets it back, as stored.
   */
  private async sameCommandStored(tx: TransactionSql, appends: StreamAppend[], context: AppendContext): Promise<Map<string, EventRow[]>> {
    const found = new Map<string, EventRow[]>();
    if (appends.length === 0) return found;
    const rows = await tx.unsafe<EventRow[]>(
      `select ${COLUMNS} from events e
       join unnest($1::text[], $2::int[], $3::int[]) as w(target_stream, first_version, last_version)
         on e.stream_id = w.target_stream and e.stream_version between w.first_version and w.last_version
       order by e.stream_id, e.stream_version`,
      [appends.map((a) => a.streamId), appends.map((a) => a.expectedVersion + 1), appends.map((a) => a.expectedVersion + a.events.length)],
      PREPARED,
    );
    const sameMetadata = (row: EventRow): boolean => row.metadata.correlationId === context.correlationId && sameFlatObject(row.metadata.actor, context.actor);
    for (const { streamId, events } of appends) {
      const candidate = rows.filter((row) => row.stream_id === streamId);
      if (candidate.length === events.length && candidate.every((row, index) => row.type === events[index].type && sameMetadata(row))) {
        found.set(streamId, candidate);
      }
    }
    return found;
  }
}

/** Claims streams at version 0 (appends at expected version 0 then fill them); any that exists is taken. */
async function reserveStreams(tx: TransactionSql, streamIds: readonly string[]): Promise<void> {
  const claimed = await tx<{ stream_id: string }[]>`
    insert into streams (stream_id, version) select unnest(${[...streamIds]}::text[]), 0 order by 1
    on conflict (stream_id) do nothing
    returning stream_id`;
  if (claimed.length === streamIds.length) return;
  const mine = new Set(claimed.map((row) => row.stream_id));
  throw new StreamsTakenError(streamIds.filter((id) => !mine.has(id)));
}

/** Equal values; objects with equal keys and values in any order (jsonb stores keys in an order of its own). */
function sameFlatObject(a: unknown, b: unknown): boolean {
  const form = (value: unknown): string =>
    value !== null && typeof value === 'object' ? JSON.stringify(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : JSON.stringify(value);
  return form(a) === form(b);
}

/**
 * The events a snapshot (`pg_current_snapshot()` as text) did not see, after a global position, in append order: what
 * was committed since it was taken. For a reader that holds the append lock, as a projection rebuild's catch-up does.
 */
export async function readUnseenBy(db: Sql | TransactionSql, snapshot: string, afterPosition: string, limit: number, upcasters: UpcasterRegistry = new Map()): Promise<StoredEvent[]> {
  const rows = await db.unsafe<EventRow[]>(
    `select ${COLUMNS} from events
     where transaction_id >= pg_snapshot_xmin($1::pg_snapshot) and not pg_visible_in_snapshot(transaction_id, $1::pg_snapshot)
       and global_position > $2::bigint
     order by events.global_position
     limit $3`,
    [snapshot, afterPosition, limit],
  );
  return rows.map((row) => eventFromRow(row, upcasters));
}

/**
 * Every event after a global position, in append order (the global position). For a reader of a snapshot, or one
 * that holds the append lock, such as a projection rebuild; live readers follow the commit-safe `readAll`.
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
