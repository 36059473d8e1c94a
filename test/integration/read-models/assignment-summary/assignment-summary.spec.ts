import type { AssignmentStage, AssignmentSummary } from '@app/domain';
import type { Sql } from '@app/event-store';
import { AssignmentSummaryRepository, InvalidCursorError, withOwnClock } from '@app/read-models';
import { testDatabase } from '../../../support/test-stack';
import { agencyActor, directiveCommand, DUE_29_MARCH, Scenario, SUPERVISOR, uniqueSuffix } from '../support/scenario';

const plan = (id: string, agencies: { agency: string; role: 'lead' | 'coordinator' }[], date: string, kind: 'single' | 'eachOf' = 'single', centralCompetence = false) => ({
  id,
  paragraph: 'Mục 3.1',
  text: 'Sở Nội vụ chủ trì, phối hợp Sở Tài chính tham mưu sắp xếp tổ chức bộ máy',
  kind,
  agencies,
  deadline: { kind: 'date' as const, date },
  centralCompetence,
});

describe('assignment summary read model', () => {
  let sql: Sql;
  let scenario: Scenario;
  let repository: AssignmentSummaryRepository;

  beforeAll(async () => {
    sql = await testDatabase();
    scenario = Scenario.on(sql);
    repository = new AssignmentSummaryRepository(sql);
  });
  afterAll(() => sql.end());

  it('shows a new assignment, its eachOf parent and tracks as the domain summarizes them, and follows its stage', async () => {
    const s = uniqueSuffix();
    const [D, LEAD, COORD, HLA, HLB] = [`TB-${s}`, `SNV-${s}`, `STC-${s}`, `HLA-${s}`, `HLB-${s}`];
    await scenario.createDirective(
      directiveCommand(D, [
        plan(`${D}.1`, [{ agency: LEAD, role: 'lead' }, { agency: COORD, role: 'coordinator' }], '2024-03-29'),
        plan(`${D}.2`, [{ agency: HLA, role: 'lead' }, { agency: HLB, role: 'lead' }], '2024-04-12', 'eachOf'),
      ]),
    );
    expect(await repository.find(`${D}.1`, '2024-03-10T00:00:00.000Z')).toEqual({
      id: `${D}.1`,
      directiveId: D,
      parentId: null,
      kind: 'single',
      paragraph: 'Mục 3.1',
      text: 'Sở Nội vụ chủ trì, phối hợp Sở Tài chính tham mưu sắp xếp tổ chức bộ máy',
      stage: 'received',
      status: 'inProgressOnTime',
      agencies: [{ agency: LEAD, role: 'lead' }, { agency: COORD, role: 'coordinator' }],
      lead: LEAD,
      coordinators: [COORD],
      dueAt: DUE_29_MARCH,
      originalDueAt: DUE_29_MARCH,
      adjustedDueAt: DUE_29_MARCH,
      paused: false,
      pausedMsTotal: 0,
      pendingExtensionDueAt: null,
      verdict: null,
      closedAt: null,
      overdueLevel: 0,
      tracks: null,
      centralCompetence: false,
      // Friday 29/3/2024 is a working day.
      dueOnDayOff: false,
      pendingExtensionOnDayOff: false,
      version: 1,
      createdAt: '2024-03-01T02:00:00.000Z',
      updatedAt: '2024-03-01T02:00:00.000Z',
    });
    expect(await repository.find(`${D}.2`, '2024-03-10T00:00:00.000Z')).toMatchObject({ kind: 'eachOf', stage: 'tracking', lead: null, tracks: { total: 2 } });
    expect(await repository.find(`${D}.2.${HLB}`, '2024-03-10T00:00:00.000Z')).toMatchObject({ kind: 'track', parentId: `${D}.2`, lead: HLB, dueAt: '2024-04-12T16:59:59.999Z' });
    // Beyond the province's competence as the directive's plan says, on the parent and on each track.
    const central = `${D}.3`;
    await scenario.createDirective(directiveCommand(`${D}-C`, [plan(central, [{ agency: HLA, role: 'lead' }, { agency: HLB, role: 'lead' }], '2024-04-12', 'eachOf', true)]));
    for (const id of [central, `${central}.${HLA}`]) expect([id, (await repository.find(id))?.centralCompetence]).toEqual([id, true]);

    await scenario.assignment(`${D}.1`, { type: 'Acknowledge', at: '2024-03-02T02:00:00.000Z', actor: agencyActor(LEAD) });
    await scenario.assignment(`${D}.1`, { type: 'SubmitProposal', at: '2024-03-05T02:00:00.000Z', actor: agencyActor(LEAD), summary: 'Phương án', beyondProvincialCompetence: false });
    expect(await repository.find(`${D}.1`, '2024-03-10T00:00:00.000Z')).toMatchObject({ stage: 'proposed', version: 3, updatedAt: '2024-03-05T02:00:00.000Z' });
    expect((await repository.findState(`${D}.1`))?.state).toMatchObject({ acknowledgedAt: '2024-03-02T02:00:00.000Z', proposal: { summary: 'Phương án' } });
    expect(await repository.find(`${D}.404`)).toBeUndefined();
  });

  it('is overdue at read time as soon as the deadline passes, before MarkedOverdue is recorded', async () => {
    const s = uniqueSuffix();
    const [D, LEAD] = [`TB-${s}`, `SNV-${s}`];
    await scenario.createDirective(directiveCommand(D, [plan(`${D}.1`, [{ agency: LEAD, role: 'lead' }], '2024-03-29')]));

    expect((await repository.find(`${D}.1`, DUE_29_MARCH))?.status).toBe('inProgressOnTime');
    expect((await repository.find(`${D}.1`, '2024-03-29T17:00:00.000Z'))?.status).toBe('inProgressOverdue');
    const [stored] = await sql<{ status: string }[]>`select status from assignment_summary where assignment_id = ${`${D}.1`}`;
    expect(stored.status).toBe('inProgressOnTime');

    const fired = await scenario.fireTimersUntil(`${D}.1`, '2024-03-31T00:00:00.000Z');
    expect(fired.map((e) => e.type)).toEqual(['ReminderSent', 'ReminderSent', 'MarkedOverdue', 'EscalatedToLevel']);
    expect(await repository.find(`${D}.1`, '2024-03-31T00:00:00.000Z')).toMatchObject({ status: 'inProgressOverdue', overdueLevel: 1, version: 5 });
  });

  it('stops the clock while the Centre is consulted, moves the deadline by the pause, and fixes the verdict at confirmation', async () => {
    const s = uniqueSuffix();
    const [D, LEAD] = [`TB-${s}`, `SNV-${s}`];
    const id = `${D}.1`;
    const lead = agencyActor(LEAD);
    await scenario.createDirective(directiveCommand(D, [plan(id, [{ agency: LEAD, role: 'lead' }], '2024-03-29', 'single', true)]));
    await scenario.assignment(id, { type: 'Acknowledge', at: '2024-03-02T02:00:00.000Z', actor: lead });
    await scenario.assignment(id, { type: 'SubmitProposal', at: '2024-03-05T02:00:00.000Z', actor: lead, summary: 'Xin ý kiến Trung ương', beyondProvincialCompetence: true });
    await scenario.assignment(id, { type: 'ReviewProposal', at: '2024-03-06T02:00:00.000Z', actor: SUPERVISOR, decision: 'accept' });
    await scenario.assignment(id, { type: 'EscalateToCentre', at: '2024-03-07T02:00:00.000Z', actor: lead, centralBody: 'Ban Tổ chức Trung ương', summary: 'Xin ý kiến' });
    expect(await repository.find(id, '2024-04-15T00:00:00.000Z')).toMatchObject({ stage: 'escalated', paused: true, status: 'inProgressOnTime' });

    await scenario.assignment(id, { type: 'RecordCentreResponse', at: '2024-03-17T02:00:00.000Z', actor: SUPERVISOR, response: 'Đồng ý' });
    expect(await repository.find(id, '2024-04-05T00:00:00.000Z')).toMatchObject({ paused: false, dueAt: '2024-04-08T16:59:59.999Z', originalDueAt: DUE_29_MARCH, status: 'inProgressOnTime' });
    expect((await repository.find(id, '2024-04-09T00:00:00.000Z'))?.status).toBe('inProgressOverdue');

    await scenario.assignment(id, { type: 'SubmitReport', at: '2024-04-10T02:00:00.000Z', actor: lead, summary: 'Đã hoàn thành' });
    await scenario.assignment(id, { type: 'ConfirmReport', at: '2024-04-11T02:00:00.000Z', actor: SUPERVISOR });
    expect(await repository.find(id, '2024-03-02T00:00:00.000Z')).toMatchObject({ stage: 'closed', status: 'doneLate', verdict: 'late', closedAt: '2024-04-11T02:00:00.000Z' });
  });

  describe('listing', () => {
    const s = uniqueSuffix();
    const [D, A, B, C, HL] = [`TB-${s}`, `SNV-${s}`, `STC-${s}`, `SYT-${s}`, `UBND-${s}`];
    const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);
    const NOW = '2024-03-25T00:00:00.000Z';

    beforeAll(async () => {
      await scenario.createDirective(
        directiveCommand(D, [
          plan(`${D}.1`, [{ agency: A, role: 'lead' }, { agency: B, role: 'coordinator' }], '2024-03-15'),
          plan(`${D}.2`, [{ agency: B, role: 'lead' }], '2024-03-29'),
          plan(`${D}.3`, [{ agency: A, role: 'lead' }], '2024-04-12'),
          plan(`${D}.4`, [{ agency: C, role: 'lead' }, { agency: A, role: 'coordinator' }], '2024-03-22'),
          plan(`${D}.5`, [{ agency: C, role: 'lead' }], '2024-05-10'),
          plan(`${D}.6`, [{ agency: A, role: 'lead' }, { agency: HL, role: 'lead' }], '2024-04-12', 'eachOf'),
        ]),
      );
      await scenario.complete(`${D}.1`, A, ['2024-03-02T02:00:00.000Z', '2024-03-04T02:00:00.000Z', '2024-03-05T02:00:00.000Z', '2024-03-11T02:00:00.000Z', '2024-03-12T02:00:00.000Z']);
      await scenario.assignment(`${D}.2`, { type: 'Acknowledge', at: '2024-03-02T02:00:00.000Z', actor: agencyActor(B) });
    });

    it('orders by the deadline in force, then id, and filters by directive, agency, stage, status, overdue and deadline', async () => {
      const all = [`${D}.1`, `${D}.4`, `${D}.2`, `${D}.3`, `${D}.6`, `${D}.6.${A}`, `${D}.6.${HL}`, `${D}.5`];
      expect(ids(await repository.list({ directiveId: D, now: NOW, limit: 100 }))).toEqual(all);
      expect(ids(await repository.list({ agency: A, now: NOW, limit: 100 }))).toEqual([`${D}.1`, `${D}.4`, `${D}.3`, `${D}.6`, `${D}.6.${A}`]);
      expect(ids(await repository.list({ directiveId: D, agency: HL, now: NOW }))).toEqual([`${D}.6`, `${D}.6.${HL}`]);
      expect(ids(await repository.list({ directiveId: D, stage: 'research', now: NOW }))).toEqual([`${D}.2`]);
      expect(ids(await repository.list({ directiveId: D, overdue: true, now: NOW }))).toEqual([`${D}.4`]);
      expect(ids(await repository.list({ directiveId: D, overdue: true, now: '2024-04-01T00:00:00.000Z' }))).toEqual([`${D}.4`, `${D}.2`]);
      expect(ids(await repository.list({ directiveId: D, overdue: false, now: NOW }))).toEqual(all.filter((id) => id !== `${D}.4`));
      expect(ids(await repository.list({ directiveId: D, status: 'doneOnTime', now: NOW }))).toEqual([`${D}.1`]);
      expect((await repository.list({ directiveId: D, status: 'inProgressOverdue', now: NOW })).items[0]).toMatchObject({ id: `${D}.4`, status: 'inProgressOverdue' });
      expect(ids(await repository.list({ directiveId: D, dueBefore: '2024-03-29T00:00:00.000Z', now: NOW }))).toEqual([`${D}.1`, `${D}.4`]);
      expect(ids(await repository.list({ directiveId: D, parentId: `${D}.6`, now: NOW }))).toEqual([`${D}.6.${A}`, `${D}.6.${HL}`]);
    });

    it('pages with a cursor, every row once, and ends without one', async () => {
      const first = await repository.list({ directiveId: D, now: NOW, limit: 3 });
      const second = await repository.list({ directiveId: D, now: NOW, limit: 3, cursor: first.nextCursor });
      const third = await repository.list({ directiveId: D, now: NOW, limit: 3, cursor: second.nextCursor });
      expect([first, second, third].map((page) => page.items.length)).toEqual([3, 3, 2]);
      expect(first.nextCursor).toEqual(expect.any(String));
      expect(third.nextCursor).toBeUndefined();
      expect([...ids(first), ...ids(second), ...ids(third)]).toEqual(ids(await repository.list({ directiveId: D, now: NOW, limit: 100 })));
      await expect(repository.list({ directiveId: D, now: NOW, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursorError);
    });

    it('shows an assignment to the agencies it names, a track to its agency, and a parent to its tracks’ agencies', async () => {
      const seen = async (id: string, agency: string) => (await repository.findVisibleTo(id, agency, NOW))?.id;
      expect(await seen(`${D}.1`, A)).toBe(`${D}.1`);
      expect(await seen(`${D}.1`, B)).toBe(`${D}.1`);
      expect(await seen(`${D}.1`, C)).toBeUndefined();
      expect(await seen(`${D}.6`, HL)).toBe(`${D}.6`);
      expect(await seen(`${D}.6.${HL}`, HL)).toBe(`${D}.6.${HL}`);
      expect(await seen(`${D}.6.${A}`, HL)).toBeUndefined();
      expect(await seen(`${D}.404`, A)).toBeUndefined();
      expect(await repository.findVisibleTo(`${D}.1`, A, NOW)).toEqual(await repository.find(`${D}.1`, NOW));
    });
  });

  it('shows and filters an "each of" parent by the agency\'s own track when a list is for one agency', async () => {
    const s = uniqueSuffix();
    const [D, A, HL] = [`TB-${s}`, `SNV-${s}`, `UBND-${s}`];
    await scenario.createDirective(directiveCommand(D, [plan(`${D}.1`, [{ agency: A, role: 'lead' }, { agency: HL, role: 'lead' }], '2024-04-12', 'eachOf')]));
    await scenario.complete(`${D}.1.${A}`, A, ['2024-03-02T02:00:00.000Z', '2024-03-04T02:00:00.000Z', '2024-03-05T02:00:00.000Z', '2024-03-11T02:00:00.000Z', '2024-03-12T02:00:00.000Z']);
    const late = '2024-04-20T00:00:00.000Z';
    const ids = async (filter: { agency?: string; overdue?: boolean; status?: 'doneOnTime'; stage?: AssignmentStage }) => (await repository.list({ directiveId: D, now: late, ...filter })).items.map((item) => item.id);
    expect(await ids({ overdue: true })).toEqual([`${D}.1`, `${D}.1.${HL}`]);
    expect(await ids({ agency: HL, overdue: true })).toEqual([`${D}.1`, `${D}.1.${HL}`]);
    expect(await ids({ agency: A, overdue: true })).toEqual([]);
    expect(await ids({ agency: A, overdue: false })).toEqual([`${D}.1`, `${D}.1.${A}`]);
    expect(await ids({ agency: A, status: 'doneOnTime' })).toEqual([`${D}.1`, `${D}.1.${A}`]);
    const statuses = async (agency?: string) => (await repository.list({ directiveId: D, now: late, agency })).items.map((item) => [item.id, item.status]);
    expect(await statuses(A)).toEqual([[`${D}.1`, 'doneOnTime'], [`${D}.1.${A}`, 'doneOnTime']]);
    expect(await statuses()).toContainEqual([`${D}.1`, 'inProgressOverdue']);
    // Where its own work stands too: A's track is closed on time, HL's not yet acknowledged, the whole still tracking.
    const parentFor = async (agency?: string) => (await repository.list({ directiveId: D, now: late, agency, topLevel: true })).items;
    expect(await parentFor(A)).toMatchObject([{ id: `${D}.1`, stage: 'closed', verdict: 'onTime', closedAt: '2024-03-12T02:00:00.000Z' }]);
    expect(await parentFor(HL)).toMatchObject([{ id: `${D}.1`, stage: 'received', verdict: null, closedAt: null }]);
    expect(await parentFor()).toMatchObject([{ id: `${D}.1`, stage: 'tracking', verdict: null, closedAt: null }]);
    // The stage filter takes the stage the row shows.
    expect(await ids({ agency: A, stage: 'closed' })).toEqual([`${D}.1`, `${D}.1.${A}`]);
    expect(await ids({ agency: A, stage: 'tracking' })).toEqual([]);
    expect(await ids({ agency: HL, stage: 'received' })).toEqual([`${D}.1`, `${D}.1.${HL}`]);
    expect(await ids({ stage: 'tracking' })).toEqual([`${D}.1`]);
  });

  it('gives an "each of" parent the agency\'s own deadline, pause and level in its list, and orders and filters it by them', async () => {
    const s = uniqueSuffix();
    const [D, A, HL] = [`TB-${s}`, `SNV-${s}`, `UBND-${s}`];
    const acknowledgeIn3 = { acknowledge: { kind: 'workingDays' as const, days: 3 } };
    await scenario.createDirective(directiveCommand(D, [plan(`${D}.1`, [{ agency: A, role: 'lead' }, { agency: HL, role: 'lead' }], '2024-04-12', 'eachOf')], { defaultStageDeadlines: acknowledgeIn3 }));
    const extended = '2024-05-10T09:00:00.000Z';
    await scenario.assignment(`${D}.1.${HL}`, { type: 'RequestExtension', at: '2024-04-01T02:00:00.000Z', actor: agencyActor(HL), reason: 'Chờ số liệu các xã', newDueAt: extended });
    await scenario.assignment(`${D}.1.${HL}`, { type: 'DecideExtension', at: '2024-04-02T02:00:00.000Z', actor: SUPERVISOR, decision: 'approve' });
    const late = '2024-04-25T00:00:00.000Z';
    await scenario.fireTimersUntil(`${D}.1.${A}`, late);
    const track = await repository.find(`${D}.1.${A}`, late);
    expect(track?.overdueLevel).toBeGreaterThan(0);
    const parentFor = async (agency: string, filter: { dueBefore?: string } = {}) =>
      (await repository.list({ directiveId: D, agency, now: late, topLevel: true, ...filter })).items;
    expect(await parentFor(HL)).toMatchObject([{ id: `${D}.1`, status: 'inProgressOnTime', dueAt: extended, adjustedDueAt: extended, originalDueAt: '2024-04-12T16:59:59.999Z', overdueLevel: 0, paused: false, pendingExtensionDueAt: null }]);
    expect(await parentFor(A)).toMatchObject([{ id: `${D}.1`, status: 'inProgressOverdue', dueAt: track?.dueAt, overdueLevel: track?.overdueLevel }]);
    // Its text and tracks stay the whole's; the milestones are its track's (the parent, whose tracks reach them, has none).
    expect((await parentFor(HL))[0].tracks?.total).toBe(2);
    expect((await parentFor(A))[0].stageDeadlines).toEqual({ acknowledge: expect.objectContaining({ reached: false, missed: true }) });
    expect((await repository.find(`${D}.1`, late))?.stageDeadlines).toBeUndefined();
    expect(await parentFor(HL, { dueBefore: '2024-05-01T00:00:00.000Z' })).toEqual([]);
    expect((await parentFor(A, { dueBefore: '2024-05-01T00:00:00.000Z' })).map((item) => item.id)).toEqual([`${D}.1`]);
    // Pages follow the agency's own deadline: the parent and the agency's track share it, so they come in id order.
    const pages = await repository.list({ directiveId: D, agency: HL, now: late, limit: 1 });
    const next = await repository.list({ directiveId: D, agency: HL, now: late, limit: 1, cursor: pages.nextCursor });
    expect([...pages.items, ...next.items].map((item) => [item.id, item.dueAt])).toEqual([[`${D}.1`, extended], [`${D}.1.${HL}`, extended]]);
  });

  it('gives an "each of" parent the stage, pause and deadlines of the agency\'s own track back from the Centre, the whole\'s to the Office', async () => {
    const s = uniqueSuffix();
    const [D, A, HL] = [`TB-${s}`, `SNV-${s}`, `UBND-${s}`];
    const [parent, own] = [`${D}.1`, `${D}.1.${HL}`];
    const district = agencyActor(HL);
    await scenario.createDirective(directiveCommand(D, [plan(parent, [{ agency: A, role: 'lead' }, { agency: HL, role: 'lead' }], '2024-04-12', 'eachOf', true)]));
    await scenario.assignment(own, { type: 'Acknowledge', at: '2024-03-02T02:00:00.000Z', actor: district });
    await scenario.assignment(own, { type: 'SubmitProposal', at: '2024-03-05T02:00:00.000Z', actor: district, summary: 'Xin ý kiến Trung ương', beyondProvincialCompetence: true });
    await scenario.assignment(own, { type: 'ReviewProposal', at: '2024-03-06T02:00:00.000Z', actor: SUPERVISOR, decision: 'accept' });
    await scenario.assignment(own, { type: 'EscalateToCentre', at: '2024-03-07T02:00:00.000Z', actor: district, centralBody: 'Ban Tổ chức Trung ương', summary: 'Xin ý kiến' });
    await scenario.assignment(own, { type: 'RecordCentreResponse', at: '2024-03-17T02:00:00.000Z', actor: SUPERVISOR, response: 'Đồng ý' });
    const now = '2024-03-20T00:00:00.000Z';
    const track = await repository.find(own, now);
    expect(track).toMatchObject({ stage: 'centreResponded', pausedMsTotal: 10 * 86_400_000, adjustedDueAt: '2024-04-22T16:59:59.999Z' });
    const ownFields = (view: AssignmentSummary | undefined) =>
      view && { stage: view.stage, status: view.status, verdict: view.verdict, closedAt: view.closedAt, dueAt: view.dueAt, originalDueAt: view.originalDueAt, adjustedDueAt: view.adjustedDueAt, paused: view.paused, pausedMsTotal: view.pausedMsTotal, pendingExtensionDueAt: view.pendingExtensionDueAt, overdueLevel: view.overdueLevel };
    const [listed] = (await repository.list({ directiveId: D, agency: HL, now, topLevel: true })).items;
    expect(ownFields(listed)).toEqual(ownFields(track));
    expect(listed).toMatchObject({ id: parent, kind: 'eachOf', tracks: { total: 2 } });
    expect(ownFields(withOwnClock((await repository.find(parent, now)) as AssignmentSummary, track as AssignmentSummary))).toEqual(ownFields(track));
    // The Office sees the whole: still tracking, never paused for the Centre, at the notice's deadline.
    expect(await repository.find(parent, now)).toMatchObject({ stage: 'tracking', pausedMsTotal: 0, adjustedDueAt: '2024-04-12T16:59:59.999Z' });
    expect((await repository.list({ directiveId: D, stage: 'centreResponded', now })).items.map((item) => item.id)).toEqual([own]);
    expect((await repository.list({ directiveId: D, agency: HL, stage: 'centreResponded', now })).items.map((item) => item.id)).toEqual([parent, own]);
  });
});
