import type { Sql } from '@app/event-store';
import { EscalationTimelineRepository, InvalidCursorError, NotificationsRepository } from '@app/read-models';
import { testDatabase } from '../../../support/test-stack';
import { agencyActor, directiveCommand, DUE_29_MARCH, Scenario, SUPERVISOR, uniqueSuffix } from '../support/scenario';

describe('escalation timeline read model', () => {
  let sql: Sql;
  let repository: EscalationTimelineRepository;
  const s = uniqueSuffix();
  const [D, LEAD, COORD, OTHER] = [`TB-${s}`, `SNV-${s}`, `STC-${s}`, `SYT-${s}`];
  const entriesOf = async (filter: Parameters<EscalationTimelineRepository['page']>[0]) => (await repository.page(filter)).items;

  beforeAll(async () => {
    sql = await testDatabase();
    repository = new EscalationTimelineRepository(sql);
    const scenario = Scenario.on(sql);
    const common = { paragraph: null, text: 'Sắp xếp, tinh gọn tổ chức bộ máy', kind: 'single' as const, deadline: { kind: 'date' as const, date: '2024-03-29' } };
    await scenario.createDirective(
      directiveCommand(D, [
        { ...common, id: `${D}.1`, centralCompetence: false, agencies: [{ agency: LEAD, role: 'lead' }, { agency: COORD, role: 'coordinator' }] },
        { ...common, id: `${D}.2`, centralCompetence: true, agencies: [{ agency: OTHER, role: 'lead' }] },
      ]),
    );
    const lead = agencyActor(LEAD);
    await scenario.fireTimersUntil(`${D}.1`, '2024-03-27T00:00:00.000Z');
    await scenario.assignment(`${D}.1`, { type: 'RequestExtension', at: '2024-03-27T02:00:00.000Z', actor: lead, reason: 'Chờ số liệu', newDueAt: '2024-04-05T16:59:59.999Z' });
    await scenario.assignment(`${D}.1`, { type: 'DecideExtension', at: '2024-03-28T02:00:00.000Z', actor: SUPERVISOR, decision: 'deny', comment: 'Không gia hạn' });
    await scenario.fireTimersUntil(`${D}.1`, '2024-04-02T00:00:00.000Z');

    const other = agencyActor(OTHER);
    await scenario.assignment(`${D}.2`, { type: 'Acknowledge', at: '2024-03-02T02:00:00.000Z', actor: other });
    await scenario.assignment(`${D}.2`, { type: 'SubmitProposal', at: '2024-03-05T02:00:00.000Z', actor: other, summary: 'Xin ý kiến', beyondProvincialCompetence: true });
    await scenario.assignment(`${D}.2`, { type: 'ReviewProposal', at: '2024-03-06T02:00:00.000Z', actor: SUPERVISOR, decision: 'accept' });
    await scenario.assignment(`${D}.2`, { type: 'EscalateToCentre', at: '2024-03-07T02:00:00.000Z', actor: other, centralBody: 'Ban Tổ chức Trung ương', summary: 'Xin ý kiến' });
    await scenario.assignment(`${D}.2`, { type: 'RecordCentreResponse', at: '2024-03-17T02:00:00.000Z', actor: SUPERVISOR, response: 'Đồng ý' });
  });
  afterAll(() => sql.end());

  it('lists reminders, the overdue mark, ladder steps, Centre and extension events of a directive, newest first', async () => {
    const entries = await entriesOf({ directiveId: D });
    expect(entries.map((e) => [e.assignmentId, e.type, e.occurredAt])).toEqual([
      [`${D}.1`, 'EscalatedToLevel', '2024-04-01T16:59:59.999Z'],
      [`${D}.1`, 'EscalatedToLevel', '2024-03-30T16:59:59.999Z'],
      [`${D}.1`, 'MarkedOverdue', '2024-03-29T17:00:00.000Z'],
      [`${D}.1`, 'ReminderSent', '2024-03-28T16:59:59.999Z'],
      [`${D}.1`, 'ExtensionDenied', '2024-03-28T02:00:00.000Z'],
      [`${D}.1`, 'ExtensionRequested', '2024-03-27T02:00:00.000Z'],
      [`${D}.1`, 'ReminderSent', '2024-03-26T16:59:59.999Z'],
      [`${D}.2`, 'CentreResponded', '2024-03-17T02:00:00.000Z'],
      [`${D}.2`, 'EscalatedToCentre', '2024-03-07T02:00:00.000Z'],
    ]);
    expect(entries[0]).toEqual({
      eventId: expect.any(String),
      globalPosition: expect.stringMatching(/^\d+$/),
      assignmentId: `${D}.1`,
      directiveId: D,
      agencies: [LEAD, COORD],
      type: 'EscalatedToLevel',
      level: 2,
      occurredAt: '2024-04-01T16:59:59.999Z',
      actor: { kind: 'system' },
      detail: { level: 2, dueAt: DUE_29_MARCH, at: '2024-04-01T16:59:59.999Z' },
    });
    expect(entries.find((e) => e.type === 'ExtensionRequested')).toMatchObject({ level: null, actor: { kind: 'agency', agency: LEAD }, detail: { reason: 'Chờ số liệu' } });
  });

  it('filters by agency named on the assignment, by time and by assignment, and limits', async () => {
    expect((await entriesOf({ agency: COORD })).map((e) => e.type)).toHaveLength(7);
    expect((await entriesOf({ agency: OTHER })).map((e) => e.type)).toEqual(['CentreResponded', 'EscalatedToCentre']);
    expect((await entriesOf({ directiveId: D, since: '2024-03-29T17:00:00.000Z' })).map((e) => e.type)).toEqual(['EscalatedToLevel', 'EscalatedToLevel', 'MarkedOverdue']);
    expect((await entriesOf({ assignmentId: `${D}.2` })).map((e) => e.type)).toEqual(['CentreResponded', 'EscalatedToCentre']);
    expect((await entriesOf({ directiveId: D, limit: 2 })).map((e) => e.level)).toEqual([2, 1]);
    // Paged, every entry once, newest first, and the last page without a cursor.
    const all = await entriesOf({ directiveId: D });
    const pages: string[][] = [];
    for (let page = await repository.page({ directiveId: D, limit: 3 }); ; page = await repository.page({ directiveId: D, limit: 3, after: page.nextCursor })) {
      pages.push(page.items.map((e) => e.eventId));
      if (!page.nextCursor) break;
    }
    expect(pages.flat()).toEqual(all.map((e) => e.eventId));
    expect(pages.slice(0, -1).every((page) => page.length === 3)).toBe(true);
    await expect(repository.page({ after: 'bm90LWEtY3Vyc29y' })).rejects.toBeInstanceOf(InvalidCursorError);
  });
});

describe('escalation timeline read model: stage deadlines', () => {
  let sql: Sql;
  const s = uniqueSuffix();
  const [D, LEAD, COORD] = [`TB-${s}`, `SNV-${s}`, `STC-${s}`];

  beforeAll(async () => {
    sql = await testDatabase();
    const scenario = Scenario.on(sql);
    await scenario.createDirective(
      directiveCommand(D, [
        {
          id: `${D}.1`,
          paragraph: null,
          text: 'Sắp xếp, tinh gọn tổ chức bộ máy',
          kind: 'single',
          deadline: { kind: 'date', date: '2024-03-29' },
          centralCompetence: false,
          agencies: [{ agency: LEAD, role: 'lead' }, { agency: COORD, role: 'coordinator' }],
          stageDeadlines: { acknowledge: { kind: 'date', date: '2024-03-05' }, propose: { kind: 'date', date: '2024-03-15' } },
        },
      ]),
    );
    await scenario.assignment(`${D}.1`, { type: 'Acknowledge', at: '2024-03-04T02:00:00.000Z', actor: agencyActor(LEAD) });
    await scenario.fireTimersUntil(`${D}.1`, '2024-03-20T00:00:00.000Z');
  });
  afterAll(() => sql.end());

  it('records a missed stage deadline (not one reached in time) with its stage, and notifies the lead only', async () => {
    const entries = (await new EscalationTimelineRepository(sql).page({ directiveId: D })).items;
    expect(entries.map((e) => [e.type, e.level, e.occurredAt, e.detail])).toEqual([
      ['StageDeadlineMissed', null, '2024-03-15T17:00:00.000Z', { stage: 'propose', dueAt: '2024-03-15T16:59:59.999Z', at: '2024-03-15T17:00:00.000Z' }],
    ]);
    const inbox = new NotificationsRepository(sql);
    const timerNotices = async (agency: string) => (await inbox.inbox(agency)).items.filter((n) => n.kind !== 'assigned').map((n) => [n.kind, n.level, n.message]);
    expect(await timerNotices(LEAD)).toEqual([
      ['stageOverdue', null, 'Trễ mốc: nhiệm vụ “Sắp xếp, tinh gọn tổ chức bộ máy” chưa gửi đề xuất (hạn ngày 15/03/2024); đề nghị khẩn trương thực hiện.'],
    ]);
    expect(await timerNotices(COORD)).toEqual([]);
  });
});
