import type { Sql } from '@app/event-store';
import { AgencyWebhookRepository, notificationIdOf, NotificationsRepository } from '@app/read-models';
import { testDatabase } from '../../../support/test-stack';
import { agencyActor, directiveCommand, Scenario, SUPERVISOR, uniqueSuffix } from '../support/scenario';

const TEXT_NFC = 'Sở Nội vụ chủ trì, phối hợp Sở Tài chính tham mưu sắp xếp tổ chức bộ máy';

describe('notifications read model (the agency inbox)', () => {
  let sql: Sql;
  let repository: NotificationsRepository;
  let firedIds: string[];
  const s = uniqueSuffix();
  const [D, LEAD, COORD1, COORD2] = [`TB-${s}`, `SNV-${s}`, `STC-${s}`, `SKHDT-${s}`];

  beforeAll(async () => {
    sql = await testDatabase();
    repository = new NotificationsRepository(sql);
    const scenario = Scenario.on(sql);
    await scenario.createDirective(
      directiveCommand(D, [
        {
          id: `${D}.1`,
          paragraph: null,
          text: TEXT_NFC.normalize('NFD'), // as some clients send it
          kind: 'single',
          deadline: { kind: 'date', date: '2024-03-29' },
          centralCompetence: false,
          agencies: [{ agency: LEAD, role: 'lead' }, { agency: COORD1, role: 'coordinator' }, { agency: COORD2, role: 'coordinator' }],
        },
      ]),
    );
    firedIds = (await scenario.fireTimersUntil(`${D}.1`, '2024-03-31T00:00:00.000Z')).map((e) => e.eventId);
  });
  afterAll(() => sql.end());

  it('puts reminders in the lead’s and coordinators’ inboxes, the overdue mark and the ladder in the lead’s only, in Vietnamese', async () => {
    const lead = await repository.inbox(LEAD);
    expect(lead.items.map((n) => [n.kind, n.level, n.message, n.createdAt])).toEqual([
      ['escalation', 1, `Đôn đốc cấp 1 (báo cáo Thủ trưởng cơ quan): nhiệm vụ “${TEXT_NFC}” quá hạn (hạn ngày 29/03/2024) chưa hoàn thành.`, '2024-03-30T16:59:59.999Z'],
      ['overdue', null, `Quá hạn: nhiệm vụ “${TEXT_NFC}” đã quá hạn (hạn ngày 29/03/2024); đề nghị khẩn trương hoàn thành, báo cáo.`, '2024-03-29T17:00:00.000Z'],
      ['reminder', null, `Nhắc việc: nhiệm vụ “${TEXT_NFC}” đến hạn ngày 29/03/2024.`, '2024-03-28T16:59:59.999Z'],
      ['reminder', null, `Nhắc việc: nhiệm vụ “${TEXT_NFC}” đến hạn ngày 29/03/2024.`, '2024-03-26T16:59:59.999Z'],
      ['assigned', null, `Giao nhiệm vụ: chủ trì thực hiện nhiệm vụ “${TEXT_NFC}”, hạn ngày 29/03/2024.`, '2024-03-01T02:00:00.000Z'],
    ]);
    expect(lead.items.every((n) => n.message === n.message.normalize('NFC'))).toBe(true);
    expect(lead.items[0]).toMatchObject({ agency: LEAD, assignmentId: `${D}.1`, directiveId: D, deliveredAt: null, deliveryAttempts: 0, lastError: null });
    expect(lead.items[0].notificationId).toBe(notificationIdOf(lead.items[0].eventId, LEAD));
    expect(lead.nextCursor).toBeUndefined();
    for (const coordinator of [COORD1, COORD2]) {
      expect((await repository.inbox(coordinator)).items.map((n) => [n.kind, n.createdAt])).toEqual([
        ['reminder', '2024-03-28T16:59:59.999Z'],
        ['reminder', '2024-03-26T16:59:59.999Z'],
        ['assigned', '2024-03-01T02:00:00.000Z'],
      ]);
      expect((await repository.inbox(coordinator)).items.at(-1)?.message).toBe(`Giao nhiệm vụ: phối hợp thực hiện nhiệm vụ “${TEXT_NFC}”, hạn ngày 29/03/2024.`);
    }
  });

  it('pages an inbox newest first with a cursor', async () => {
    const first = await repository.inbox(LEAD, { limit: 3 });
    const rest = await repository.inbox(LEAD, { limit: 3, after: first.nextCursor });
    expect(first.items.map((n) => n.kind)).toEqual(['escalation', 'overdue', 'reminder']);
    expect(rest.items.map((n) => n.createdAt)).toEqual(['2024-03-26T16:59:59.999Z', '2024-03-01T02:00:00.000Z']);
    expect(rest.nextCursor).toBeUndefined();
  });

  it('hands the sender the pending notifications of given events and records deliveries and failures', async () => {
    const pending = await repository.pendingForEvents(firedIds);
    // in event order, then by agency code (SKHDT, SNV, STC)
    expect(pending.map((n) => n.agency)).toEqual([COORD2, LEAD, COORD1, COORD2, LEAD, COORD1, LEAD, LEAD]);
    expect(await repository.pendingForEvents([])).toEqual([]);

    const [failing, delivered] = pending;
    expect(await repository.markDelivered(delivered.notificationId, '2024-03-26T17:00:01.000Z')).toBe(true);
    expect(await repository.markFailed(failing.notificationId, 'HTTP 500')).toBe(true);
    expect(await repository.markFailed(failing.notificationId, 'ECONNREFUSED')).toBe(true);
    expect(await repository.markDelivered('00000000-0000-5000-8000-000000000000', '2024-03-26T17:00:01.000Z')).toBe(false);

    const after = await repository.pendingForEvents(firedIds);
    expect(after.map((n) => n.notificationId)).toEqual(pending.filter((n) => n !== delivered).map((n) => n.notificationId));
    expect(after[0]).toMatchObject({ notificationId: failing.notificationId, deliveredAt: null, deliveryAttempts: 2, lastError: 'ECONNREFUSED' });
    const oldest = (await repository.inbox(LEAD)).items.find((n) => n.notificationId === delivered.notificationId);
    expect(oldest).toMatchObject({ deliveredAt: '2024-03-26T17:00:01.000Z', deliveryAttempts: 1 });
  });

  it('tells the lead of the supervisor\'s decisions on its work, and every agency named of a withdrawal; a district hears of its track', async () => {
    const scenario = Scenario.on(sql);
    const [D2, HLA, HLB] = [`TB2-${s}`, `HLA-${s}`, `HLB-${s}`];
    const common = { paragraph: null, text: TEXT_NFC, deadline: { kind: 'date' as const, date: '2024-03-29' }, centralCompetence: false };
    await scenario.createDirective(
      directiveCommand(D2, [
        { ...common, id: `${D2}.1`, kind: 'single', agencies: [{ agency: LEAD, role: 'lead' }, { agency: COORD1, role: 'coordinator' }] },
        { ...common, id: `${D2}.2`, kind: 'eachOf', agencies: [HLA, HLB].map((agency) => ({ agency, role: 'lead' as const })) },
      ]),
    );
    const lead = agencyActor(LEAD);
    await scenario.assignment(`${D2}.1`, { type: 'Acknowledge', at: '2024-03-02T02:00:00.000Z', actor: lead });
    await scenario.assignment(`${D2}.1`, { type: 'SubmitProposal', at: '2024-03-04T02:00:00.000Z', actor: lead, summary: 'Đề xuất phương án', beyondProvincialCompetence: false });
    await scenario.assignment(`${D2}.1`, { type: 'ReviewProposal', at: '2024-03-05T02:00:00.000Z', actor: SUPERVISOR, decision: 'return', comment: 'Bổ sung số liệu các huyện' });
    await scenario.assignment(`${D2}.1`, { type: 'Withdraw', at: '2024-03-06T02:00:00.000Z', actor: SUPERVISOR, reason: 'Đã sáp nhập vào nhiệm vụ khác' });
    const about = async (agency: string) => (await repository.inbox(agency)).items.filter((n) => n.directiveId === D2).map((n) => [n.kind, n.message]);
    const task = `nhiệm vụ “${TEXT_NFC}”`;
    expect(await about(LEAD)).toEqual([
      ['withdrawn', `Thu hồi nhiệm vụ: ${task} đã được thu hồi: Đã sáp nhập vào nhiệm vụ khác.`],
      ['proposalReturned', `Trả lại đề xuất: đề xuất về ${task} cần bổ sung, hoàn thiện: Bổ sung số liệu các huyện.`],
      ['assigned', `Giao nhiệm vụ: chủ trì thực hiện ${task}, hạn ngày 29/03/2024.`],
    ]);
    expect((await about(COORD1)).map(([kind]) => kind)).toEqual(['withdrawn', 'assigned']);
    // Each district once, for its own track (the parent names no lead).
    for (const district of [HLA, HLB]) expect(await repository.inbox(district)).toMatchObject({ items: [{ kind: 'assigned', assignmentId: `${D2}.2.${district}` }] });
  });
});

describe('agency webhooks', () => {
  let sql: Sql;
  let webhooks: AgencyWebhookRepository;

  beforeAll(async () => {
    sql = await testDatabase();
    webhooks = new AgencyWebhookRepository(sql);
  });
  afterAll(() => sql.end());

  it('sets, replaces, lists and removes an agency’s webhook URL', async () => {
    const agency = `SNV-${uniqueSuffix()}`;
    expect(await webhooks.get(agency)).toBeUndefined();
    const created = await webhooks.set(agency, 'https://snv.example.vn/hooks/dondoc');
    expect(created).toMatchObject({ agency, url: 'https://snv.example.vn/hooks/dondoc' });
    await webhooks.set(agency, 'https://snv.example.vn/hooks/v2');
    expect(await webhooks.get(agency)).toMatchObject({ agency, url: 'https://snv.example.vn/hooks/v2', createdAt: created.createdAt });
    expect((await webhooks.list()).filter((w) => w.agency === agency)).toHaveLength(1);
    expect(await webhooks.remove(agency)).toBe(true);
    expect(await webhooks.get(agency)).toBeUndefined();
    expect(await webhooks.remove(agency)).toBe(false);
  });
});
