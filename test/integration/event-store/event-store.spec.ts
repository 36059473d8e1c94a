import { connect, EventStore, migrate, StreamsTakenError, StreamVersionConflictError, type Sql } from '@app/event-store';
import { stackAddresses, testDatabase } from '../../support/test-stack';

const context = { occurredAt: '2023-03-22T08:00:00.000Z', actor: { kind: 'supervisor' }, correlationId: 'c-1', causationId: null };
const event = (n: number) => ({ type: 'Noted', schemaVersion: 1, data: { n, text: 'Văn phòng Tỉnh ủy theo dõi' } });

describe('event store on real PostgreSQL', () => {
  let sql: Sql;
  let store: EventStore;
  let stream: string;

  beforeAll(async () => {
    sql = await testDatabase();
    store = new EventStore(sql);
  });
  afterAll(() => sql.end());
  beforeEach(() => {
    stream = `test-${Math.random().toString(36).slice(2)}`;
  });

  it('applying the migrations again is a no-op', async () => {
    expect(await migrate(sql)).toEqual([]);
  });

  it('appends at the expected version with contiguous stream versions and keeps Vietnamese text intact', async () => {
    const first = await store.append(stream, 0, [event(1), event(2)], context);
    const second = await store.append(stream, 2, [event(3)], context);
    expect(first.version).toBe(2);
    expect(second.version).toBe(3);
    const events = await store.readStream(stream);
    expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    expect(events[0].data).toEqual({ n: 1, text: 'Văn phòng Tỉnh ủy theo dõi' });
    expect(events[0].metadata).toEqual({ actor: { kind: 'supervisor' }, correlationId: 'c-1', causationId: null });
  });

  it('rejects an append at a stale version and writes nothing', async () => {
    await store.append(stream, 0, [event(1)], context);
    await store.append(stream, 1, [event(2)], context);
    await expect(store.append(stream, 1, [{ ...event(9), type: 'Other' }], context)).rejects.toBeInstanceOf(StreamVersionConflictError);
    expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['Noted', 'Noted']);
  });

  it('rejects an append to a stream that does not exist yet at a version other than 0, and writes nothing', async () => {
    await expect(store.append(stream, 3, [event(4)], context)).rejects.toMatchObject({ code: 'STREAM_VERSION_CONFLICT', actual: 0 });
    expect(await store.readStream(stream)).toEqual([]);
    expect(await store.streamVersion(stream)).toBe(0);
  });

  it('treats a retried append (same versions, same deterministic ids) as a no-op', async () => {
    const first = await store.append(stream, 0, [event(1), event(2)], context);
    const retry = await store.append(stream, 0, [event(1), event(2)], context);
    expect(retry.duplicate).toBe(true);
    expect(retry.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('gives back the first attempt of the same command decided again at another time (a workflow task retried after its worker died)', async () => {
    await store.append(stream, 0, [event(1)], context);
    const first = await store.append(stream, 1, [{ type: 'Noted', schemaVersion: 1, data: { n: 2, at: '2023-03-22T08:00:00.000Z' } }], { ...context, actor: { kind: 'agency', agency: 'BTCTU' } });
    const again = await store.append(stream, 1, [{ type: 'Noted', schemaVersion: 1, data: { n: 2, at: '2023-03-22T08:00:03.000Z' } }], { ...context, occurredAt: '2023-03-22T08:00:03.000Z', actor: { agency: 'BTCTU', kind: 'agency' } });
    expect(again).toMatchObject({ version: 2, duplicate: true });
    expect(again.events).toEqual(first.events);
    expect((await store.readStream(stream)).map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('does the same stream by stream for a many-stream append (a directive and its assignments) decided again', async () => {
    const [a, b] = [`${stream}-a`, `${stream}-b`];
    const decided = (at: string) => [
      { streamId: a, expectedVersion: 0, events: [{ type: 'Created', schemaVersion: 1, data: { at } }] },
      { streamId: b, expectedVersion: 0, events: [{ type: 'Created', schemaVersion: 1, data: { at } }] },
    ];
    const first = await store.appendToStreams(decided('2023-03-22T08:00:00.000Z'), context);
    const again = await store.appendToStreams(decided('2023-03-22T08:00:05.000Z'), { ...context, occurredAt: '2023-03-22T08:00:05.000Z' });
    expect(again.map((r) => [r.version, r.duplicate, r.events.map((e) => e.data)])).toEqual(first.map((r) => [r.version, true, r.events.map((e) => e.data)]));
    expect((await store.readStream(a)).map((e) => e.data)).toEqual([{ at: '2023-03-22T08:00:00.000Z' }]);
  });

  it('still refuses what follows the expected version when another command wrote it: another correlation, actor or type', async () => {
    await store.append(stream, 0, [event(1)], context);
    await store.append(stream, 1, [event(2)], context);
    await expect(store.append(stream, 1, [event(3)], { ...context, correlationId: 'c-2' })).rejects.toBeInstanceOf(StreamVersionConflictError);
    await expect(store.append(stream, 1, [event(3)], { ...context, actor: { kind: 'admin' } })).rejects.toBeInstanceOf(StreamVersionConflictError);
    await expect(store.append(stream, 1, [{ ...event(3), type: 'Other' }], context)).rejects.toBeInstanceOf(StreamVersionConflictError);
    await expect(store.append(stream, 1, [event(3), event(4)], context)).rejects.toBeInstanceOf(StreamVersionConflictError);
    expect((await store.readStream(stream)).map((e) => (e.data as { n: number }).n)).toEqual([1, 2]);
  });

  it('lets only one of two concurrent appends at the same version win', async () => {
    const results = await Promise.allSettled([
      store.append(stream, 0, [{ ...event(1), type: 'A' }], context),
      store.append(stream, 0, [{ ...event(1), type: 'B' }], context),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('lets only one of many concurrent appends at the same later version win, and keeps the stream version with its events', async () => {
    await store.append(stream, 0, [event(1), event(2)], context);
    const results = await Promise.allSettled(['A', 'B', 'C', 'D'].map((type) => store.append(stream, 2, [{ ...event(3), type }, { ...event(4), type }], context)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toEqual(
      Array.from({ length: 3 }, () => expect.objectContaining({ code: 'STREAM_VERSION_CONFLICT', actual: 4 })),
    );
    expect((await store.readStream(stream)).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4]);
    expect(await store.streamVersion(stream)).toBe(4);
  });

  it('appends to several streams in one transaction: all of them, or none when one is not at its expected version', async () => {
    const [a, b, c] = [`${stream}-a`, `${stream}-b`, `${stream}-c`];
    await store.append(c, 0, [event(1)], { ...context, correlationId: 'another-command' });
    await expect(
      store.appendToStreams([{ streamId: a, expectedVersion: 0, events: [event(1)] }, { streamId: b, expectedVersion: 0, events: [event(1), event(2)] }, { streamId: c, expectedVersion: 0, events: [event(9)] }], context),
    ).rejects.toMatchObject({ code: 'STREAM_VERSION_CONFLICT', streamId: c, actual: 1 });
    expect([await store.streamVersion(a), await store.streamVersion(b), (await store.readStream(a)).length]).toEqual([0, 0, 0]);

    const appends = [{ streamId: a, expectedVersion: 0, events: [event(1)] }, { streamId: b, expectedVersion: 0, events: [event(1), event(2)] }, { streamId: c, expectedVersion: 1, events: [event(2)] }];
    const results = await store.appendToStreams(appends, context);
    expect(results.map((r) => [r.version, r.events.map((e) => `${e.streamId}@${e.streamVersion}`), r.duplicate])).toEqual([
      [1, [`${a}@1`], false],
      [2, [`${b}@1`, `${b}@2`], false],
      [2, [`${c}@2`], false],
    ]);
    const retried = await store.appendToStreams(appends, context);
    expect(retried.map((r) => r.duplicate)).toEqual([true, true, true]);
    expect(retried.map((r) => r.events.map((e) => e.eventId))).toEqual(results.map((r) => r.events.map((e) => e.eventId)));
    expect((await store.readStream(b)).map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('tells a retry of a many-stream append from a conflict stream by stream: one stream that moved on fails it all', async () => {
    const streams = Array.from({ length: 5 }, (_, i) => `${stream}-${i}`);
    const appends = streams.map((streamId) => ({ streamId, expectedVersion: 0, events: [event(1), event(2)] }));
    const first = await store.appendToStreams(appends, context);
    const retried = await store.appendToStreams(appends, context);
    expect(retried.map((r) => [r.duplicate, r.events.map((e) => e.eventId)])).toEqual(first.map((r) => [true, r.events.map((e) => e.eventId)]));

    const changed = appends.map((a, i) => (i === 3 ? { ...a, events: [event(1), { ...event(2), type: 'Other' }] } : a));
    await expect(store.appendToStreams(changed, context)).rejects.toMatchObject({ code: 'STREAM_VERSION_CONFLICT', streamId: streams[3], actual: 2 });
    expect((await store.readStream(streams[3])).map((e) => e.type)).toEqual(first[3].events.map((e) => e.type));
  });

  describe('a first batch that reserves the streams of later ones (a directive naming its assignments)', () => {
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${stream}-${i}`);
    const createAll = (streamIds: string[]) => streamIds.map((streamId) => ({ streamId, expectedVersion: 0, events: [event(1)] }));
    const other = { ...context, correlationId: 'c-2' };

    it('claims them, so the later batches fill them, and a retry of the first batch claims nothing again', async () => {
      const [first, second] = [ids('a', 2), ids('a2', 2)];
      await store.appendToStreams(createAll(first), context, { reserve: second });
      expect(await Promise.all(second.map((id) => store.streamVersion(id)))).toEqual([0, 0]);
      const retry = await store.appendToStreams(createAll(first), context, { reserve: second });
      expect(retry.every((r) => r.duplicate)).toBe(true);
      await store.appendToStreams(createAll(second), context);
      expect(await Promise.all([...first, ...second].map((id) => store.streamVersion(id)))).toEqual([1, 1, 1, 1]);
    });

    it('refuses, StreamsTakenError, a first batch creating or reserving a stream another writer holds or claimed, and stores nothing', async () => {
      const [held, claimed] = [ids('held', 1), ids('claimed', 1)];
      await store.appendToStreams(createAll(held), context, { reserve: claimed });
      const mine = ids('mine', 1);
      for (const attempt of [
        () => store.appendToStreams(createAll([...mine, ...held]), other, { reserve: [] }),
        () => store.appendToStreams(createAll([...mine, ...claimed]), other, { reserve: [] }),
        () => store.appendToStreams(createAll(mine), other, { reserve: claimed }),
        () => store.appendToStreams(createAll(mine), other, { reserve: held }),
      ]) {
        await expect(attempt()).rejects.toBeInstanceOf(StreamsTakenError);
        expect(await store.readStream(mine[0])).toEqual([]);
      }
      await expect(store.appendToStreams(createAll(mine), other, { reserve: claimed })).rejects.toMatchObject({ streamIds: claimed });
      expect(await store.streamVersion(claimed[0])).toBe(0);
    });
  });

  it('gives up on an append that waits too long for a lock, on connections with a lock timeout (the worker\'s), storing nothing', async () => {
    await store.append(stream, 0, [event(1)], context);
    const impatient = connect(stackAddresses().databaseUrl, { max: 1, lockTimeoutMs: 300 });
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = sql.begin(async (tx) => {
      await tx`select version from streams where stream_id = ${stream} for update`;
      await held;
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await expect(new EventStore(impatient).append(stream, 1, [event(2)], context)).rejects.toMatchObject({ code: '55P03' });
    } finally {
      release();
      await holder;
      await impatient.end();
    }
    expect((await store.readStream(stream)).map((e) => e.streamVersion)).toEqual([1]);
  });

  it('never lets a feed reader skip an event that a slower transaction commits later', async () => {
    const before = await store.readAll(undefined, 100_000);
    const cursor = before.length ? { transactionId: before.at(-1)!.transactionId, globalPosition: before.at(-1)!.globalPosition } : undefined;
    // A slow writer takes a position first and commits last.
    let releaseSlow!: () => void;
    const slowHolds = new Promise<void>((resolve) => (releaseSlow = resolve));
    const slow = sql.begin(async (tx) => {
      await tx`insert into events (event_id, stream_id, stream_version, type, schema_version, data, metadata, occurred_at)
        values (gen_random_uuid(), ${`${stream}-slow`}, 1, 'Slow', 1, '{}', '{}', now())`;
      await slowHolds;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await store.append(`${stream}-fast`, 0, [{ ...event(1), type: 'Fast' }], context);
    const whileSlowRuns = await store.readAll(cursor, 100_000);
    expect(whileSlowRuns.map((e) => e.type)).not.toContain('Fast');
    releaseSlow();
    await slow;
    // Any transaction open on the server (another database's too) holds the feed back a little: read until it moves.
    let after = await store.readAll(cursor, 100_000);
    for (let tries = 0; after.length < 2 && tries < 100; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await store.readAll(cursor, 100_000);
    }
    expect(after.map((e) => e.type)).toEqual(['Slow', 'Fast']);
  });
});
