import { connect, loadMigrations, migrate, type Sql } from '@app/event-store';
import { AssignmentSummaryRepository, NotificationsRepository, PROJECTION_TABLES, RebuildRunningError, rebuildProjections, type RebuildProgress } from '@app/read-models';
import { rebuildCommand } from '../../../../infra/scripts/rebuild-projections';
import { stackAddresses, testDatabase } from '../../../support/test-stack';
import { agencyActor, directiveCommand, Scenario, SUPERVISOR, SYSTEM, uniqueSuffix } from '../support/scenario';

type Snapshot = Record<string, unknown[]>;

/** Every row of every projection table, in a total order. */
async function snapshot(sql: Sql): Promise<Snapshot> {
  const tables: Snapshot = {};
  for (const table of PROJECTION_TABLES) {
    const rows = await sql.unsafe<{ row: unknown }[]>(`select to_jsonb(t) as row from ${table} t order by to_jsonb(t)::text`);
    tables[table] = rows.map((r) => r.row);
  }
  return tables;
}

const eventCount = async (sql: Sql): Promise<number> => (await sql<{ n: number }[]>`select count(*)::int as n from events`)[0].n;

describe('rebuilding the read models from the events', () => {
  let sql: Sql;
  let scenario: Scenario;
  const s = uniqueSuffix();
  const [D, LEAD, COORD, HLA, HLB] = [`TB-${s}`, `SNV-${s}`, `STC-${s}`, `HLA-${s}`, `HLB-${s}`];
  let deliveredId: string;
  let timerEventIds: string[];

  beforeAll(async () => {
    sql = await testDatabase();
    scenario = Scenario.on(sql);
    // Start from tables that are a pure function of the events, whatever other test files left behind.
    await rebuildProjections(sql);
    const common = { paragraph: 'Mục 3', text: 'Rà soát chức năng, nhiệm vụ của các cơ quan', centralCompetence: false, deadline: { kind: 'date' as const, date: '2024-03-29' } };
    await scenario.createDirective(
      directiveCommand(D, [
        { ...common, id: `${D}.1`, kind: 'single', agencies: [{ agency: LEAD, role: 'lead' }, { agency: COORD, role: 'coordinator' }] },
        { ...common, id: `${D}.2`, kind: 'eachOf', agencies: [HLA, HLB].map((agency) => ({ agency, role: 'lead' as const })) },
      ]),
    );
    timerEventIds = (await scenario.fireTimersUntil(`${D}.1`, '2024-03-27T00:00:00.000Z')).map((e) => e.eventId);
    await scenario.assignment(`${D}.1`, { type: 'RequestExtension', at: '2024-03-27T02:00:00.000Z', actor: agencyActor(LEAD), reason: 'Chờ số liệu', newDueAt: '2024-04-12T16:59:59.999Z' });
    await scenario.assignment(`${D}.1`, { type: 'DecideExtension', at: '2024-03-28T02:00:00.000Z', actor: SUPERVISOR, decision: 'approve' });
    timerEventIds.push(...(await scenario.fireTimersUntil(`${D}.1`, '2024-04-15T00:00:00.000Z')).map((e) => e.eventId));
    await scenario.complete(`${D}.2.${HLA}`, HLA, ['2024-03-02T02:00:00.000Z', '2024-03-04T02:00:00.000Z', '2024-03-05T02:00:00.000Z', '2024-03-06T02:00:00.000Z', '2024-03-07T02:00:00.000Z']);
    await scenario.assignment(`${D}.2`, { type: 'RecordTrackProgress', at: '2024-03-07T02:00:00.000Z', actor: SYSTEM, agency: HLA, stage: 'closed', status: 'doneOnTime' });
    await scenario.directive(D, { type: 'RecordCompiledReport', at: '2024-03-31T02:00:00.000Z', actor: SYSTEM, periodEnd: '2024-03-31T02:00:00.000Z', counts: { inProgressOnTime: 2, doneOnTime: 1, inProgressOverdue: 0, doneLate: 0, withdrawn: 0 } });
    const notifications = new NotificationsRepository(sql);
    deliveredId = (await notifications.pendingForEvents(timerEventIds))[0].notificationId;
    await notifications.markDelivered(deliveredId, '2024-03-26T17:00:00.000Z');
  });
  afterAll(() => sql.end());

  it('replays every event into tables identical to those the appends built, reporting progress', async () => {
    const before = await snapshot(sql);
    expect(before.notifications.length).toBeGreaterThan(0);
    expect(before.escalation_timeline.length).toBeGreaterThan(0);
    // Damage the tables: only a real truncate and replay brings them back.
    await sql`update assignment_summary set stage = 'bogus' where assignment_id = ${`${D}.1`}`;
    await sql`delete from notifications where agency = ${COORD}`;
    await sql`insert into agency_status (assignment_id, agency, directive_id, role, status, due_at, paused, closed, updated_at)
      values (${`${D}.ghost`}, ${LEAD}, ${D}, 'lead', 'inProgressOnTime', now(), false, false, now())`;

    const progress: RebuildProgress[] = [];
    const result = await rebuildProjections(sql, { batchSize: 7, onProgress: (p) => progress.push(p) });

    expect(await snapshot(sql)).toEqual(before);
    const total = await eventCount(sql);
    expect(result).toEqual({ events: total, tables: PROJECTION_TABLES, ms: expect.any(Number) });
    expect(progress[0]).toEqual({ done: 0, total });
    expect(progress.at(-1)).toEqual({ done: total, total });
    expect(progress).toHaveLength(Math.ceil(total / 7) + 1);
    expect(progress.every((p, i) => i === 0 || p.done - progress[i - 1].done === Math.min(7, total - progress[i - 1].done))).toBe(true);
  });

  it('gives the same tables whether assignment rows are written with every batch or held back and written later', async () => {
    const expected = await snapshot(sql);
    await rebuildProjections(sql, { batchSize: 3, holdChanges: 0, keepStates: 0 });
    expect(await snapshot(sql)).toEqual(expected);
    // Rows written every few changes, states dropped and read back in between.
    await rebuildProjections(sql, { batchSize: 5, holdChanges: 2, keepStates: 3 });
    expect(await snapshot(sql)).toEqual(expected);
  });

  it('keeps delivery state and webhook configuration, so nothing is delivered twice', async () => {
    await sql`insert into agency_webhooks (agency, url) values (${LEAD}, 'https://snv.example.vn/hook') on conflict do nothing`;
    await rebuildProjections(sql);
    const pending = await new NotificationsRepository(sql).pendingForEvents(timerEventIds);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.map((n) => n.notificationId)).not.toContain(deliveredId);
    expect(await sql`select url from agency_webhooks where agency = ${LEAD}`).toEqual([{ url: 'https://snv.example.vn/hook' }]);
  });

  it('leaves the tables as they were, and no half-filled copy, when the replay fails', async () => {
    const before = await snapshot(sql);
    const failing = new Map([['ReminderSent@1', (): unknown => { throw new Error('broken upcaster'); }]]);
    await expect(rebuildProjections(sql, { upcasters: failing })).rejects.toThrow('broken upcaster');
    expect(await snapshot(sql)).toEqual(before);
    expect(await sql`select nspname from pg_namespace where nspname = 'dondoc_rebuild'`).toEqual([]);
  });

  it('lets reads and appends go on during a rebuild, and projects what was appended meanwhile into the rebuilt tables', async () => {
    const acknowledge = () => scenario.assignment(`${D}.2.${HLB}`, { type: 'Acknowledge', at: '2024-03-02T02:00:00.000Z', actor: agencyActor(HLB) });
    // One connection, as an API's: its prepared statements name the tables the rebuild replaces.
    const apiSql = connect(stackAddresses().databaseUrl, { max: 1 });
    const repository = new AssignmentSummaryRepository(apiSql);
    expect((await repository.find(`${D}.2.${HLB}`))?.stage).toBe('received');
    let during: { stage?: string; rebuilt: boolean } | undefined;
    // Once the first pass is done: a rebuild that held the tables would make this wait until it committed (for ever).
    await rebuildProjections(sql, {
      batchSize: 5,
      beforeCatchUp: async () => {
        await acknowledge();
        const seen = await repository.find(`${D}.2.${HLB}`);
        during = { stage: seen?.stage, rebuilt: (await sql`select 1 from pg_namespace where nspname = 'dondoc_rebuild'`).length === 1 };
      },
    });
    expect(during).toEqual({ stage: 'research', rebuilt: true });
    expect((await repository.find(`${D}.2.${HLB}`))?.stage).toBe('research');
    await apiSql.end();
    const live = await snapshot(sql);
    expect(live.assignment_summary).toContainEqual(expect.objectContaining({ assignment_id: `${D}.2.${HLB}`, stage: 'research', version: 2 }));
    expect(live.escalation_timeline.length).toBeGreaterThan(0);
    await rebuildProjections(sql);
    expect(await snapshot(sql)).toEqual(live);
  });

  it('keeps the live tables\' owners, grants and index names (a duplicate index too), and leaves no rebuild schema behind', async () => {
    const shape = async () => ({
      indexes: await sql`select tablename, indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = any(${[...PROJECTION_TABLES]}) order by indexname`,
      tables: await sql`select tablename, tableowner from pg_tables where schemaname = current_schema() and tablename = any(${[...PROJECTION_TABLES]}) order by tablename`,
      grants: await sql`select relname, relacl::text from pg_class where relnamespace = current_schema()::regnamespace and relname = any(${[...PROJECTION_TABLES]}) order by relname`,
    });
    const owner = `dondoc_owner_${s.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
    await sql.unsafe(`create role ${owner}`);
    await sql.unsafe(`alter table agency_status owner to ${owner}`);
    await sql`grant select on agency_status to public`;
    await sql`create index notifications_event_again on notifications (event_id)`;
    try {
      const before = await shape();
      expect(before.indexes.map((row) => row.indexname)).toEqual(expect.arrayContaining(['assignment_summary_open_due', 'notifications_event', 'notifications_event_again']));
      expect(before.tables).toContainEqual({ tablename: 'agency_status', tableowner: owner });
      await rebuildProjections(sql);
      expect(await shape()).toEqual(before);
      expect(await sql`select nspname from pg_namespace where nspname like 'dondoc_rebuild%'`).toEqual([]);
    } finally {
      await sql`drop index if exists notifications_event_again`;
      await sql`revoke select on agency_status from public`;
      await sql.unsafe(`alter table agency_status owner to current_user`);
      await sql.unsafe(`drop role ${owner}`);
    }
  });

  it('lets appends go on while a long reader holds a live table, and swaps once it lets go', async () => {
    const reader = connect(stackAddresses().databaseUrl, { max: 1 });
    let releasedAt = 0;
    let holding: Promise<unknown> | undefined;
    const rebuilt = rebuildProjections(sql, {
      beforeCatchUp: () =>
        new Promise<void>((held) => {
          // As a table-by-table dump does: a read lock on one table, kept for a while.
          holding = reader.begin(async (tx) => {
            await tx`select count(*) from directive_summary`;
            held();
            await new Promise((resolve) => setTimeout(resolve, 5_000));
            releasedAt = Date.now();
          });
        }),
    });
    await new Promise((resolve) => setTimeout(resolve, 500)); // the swap is waiting for the reader by now
    await scenario.assignment(`${D}.1`, { type: 'Acknowledge', at: '2024-04-16T02:00:00.000Z', actor: agencyActor(LEAD) });
    const appendedAt = Date.now();
    await rebuilt;
    await holding;
    await reader.end();
    expect(appendedAt).toBeLessThan(releasedAt);
    // Appended before the swap, projected by it into the rebuilt tables.
    expect(await sql`select stage from assignment_summary where assignment_id = ${`${D}.1`}`).toEqual([{ stage: 'research' }]);
  });

  it('holds migrations off until it is done, and starts without waiting when none is pending', async () => {
    const marker = `rebuild_test_${s.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
    const migration = { version: 900_000 + Math.floor(Math.random() * 99_999), name: marker, sql: `create table ${marker} (id integer)` };
    let migratedAt = 0;
    let migrating: Promise<unknown> | undefined;
    const rebuiltAt = await rebuildProjections(sql, {
      beforeCatchUp: async () => {
        expect(await migrate(sql)).toEqual([]); // nothing pending: no wait
        migrating = migrate(sql, [...loadMigrations(), migration]).then(() => (migratedAt = Date.now()));
        await new Promise((resolve) => setTimeout(resolve, 300));
      },
    }).then(() => Date.now());
    await migrating;
    try {
      expect(migratedAt).toBeGreaterThanOrEqual(rebuiltAt);
    } finally {
      await sql.unsafe(`drop table if exists ${marker}`);
      await sql`delete from schema_migrations where version = ${migration.version}`;
    }
  });

  it('runs one rebuild at a time: another one started meanwhile fails and changes nothing', async () => {
    let second: unknown;
    await rebuildProjections(sql, { beforeCatchUp: async () => void (second = await rebuildProjections(sql).catch((error: unknown) => error)) });
    expect(second).toBeInstanceOf(RebuildRunningError);
  });

  it('runs as a command: progress lines, exit code 0; exit code 1 and a message without or with an unreachable database', async () => {
    const lines: string[] = [];
    const errors: string[] = [];
    const io = { log: (line: string) => lines.push(line), error: (line: string) => errors.push(line) };
    expect(await rebuildCommand(stackAddresses().databaseUrl, io)).toBe(0);
    const total = await eventCount(sql);
    expect(lines[0]).toBe(`rebuild-projections: 0/${total} events (0.0%)`);
    expect(lines.at(-2)).toBe(`rebuild-projections: ${total}/${total} events (100.0%)`);
    expect(lines.at(-1)).toMatch(new RegExp(`^rebuild-projections: rebuilt directive_summary, .* from ${total} events in \\d+ ms$`));
    expect(errors).toEqual([]);

    expect(await rebuildCommand(undefined, io)).toBe(1);
    expect(await rebuildCommand('postgres://postgres@127.0.0.1:1/nowhere', io)).toBe(1);
    expect(errors).toHaveLength(2);
    expect(errors[1]).toMatch(/^rebuild-projections: failed, the read models are unchanged: /);
  });
});
