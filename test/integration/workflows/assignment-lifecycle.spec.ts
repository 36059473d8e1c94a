import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { assignmentCommandUpdate, assignmentStateQuery, assignmentStreamId, assignmentWorkflowId } from '@app/contracts';
import { EVENT_SCHEMA_VERSION } from '@app/domain';
import { EventStore, type Sql } from '@app/event-store';
import { recordHistory } from '../../support/history-fixtures';
import { testClient, testDatabase, testWorker } from '../../support/test-stack';
import { agency, createDirective, eventually, inSeconds, plan, rejectionCode, send, stateOf, SUPERVISOR } from '../../support/workflow-driver';

describe('assignment workflows on the real Temporal dev server', () => {
  let sql: Sql;
  let client: Client;
  let store: EventStore;
  let worker: Awaited<ReturnType<typeof testWorker>>;

  beforeAll(async () => {
    sql = await testDatabase();
    store = new EventStore(sql);
    client = await testClient();
    worker = await testWorker();
  });
  afterAll(async () => {
    await worker.shutdown();
    await client.connection.close();
    await sql.end();
  });

  const uniqueId = (name: string): string => `${name}-${randomUUID().slice(0, 8)}`;
  const eventTypes = async (assignmentId: string) => (await store.readStream(assignmentStreamId(assignmentId))).map((e) => e.type);
  /** An assignment led by VPTU whose proposal, beyond provincial competence, was accepted: ready to go to the Centre. */
  async function acceptedBeyondCompetence(id: string) {
    await createDirective(client, worker.taskQueue, [plan(id, { centralCompetence: true, agencies: [{ agency: 'VPTU', role: 'lead' }] })]);
    await eventually(() => stateOf(client, id), (s) => s?.stage === 'received');
    const lead = agency('VPTU');
    await send(client, id, { type: 'Acknowledge' }, lead);
    await send(client, id, { type: 'SubmitProposal', summary: 'Kiến nghị Trung ương', beyondProvincialCompetence: true }, lead);
    await send(client, id, { type: 'ReviewProposal', decision: 'accept' }, SUPERVISOR);
    return lead;
  }
  const history = async (assignmentId: string) => (await client.workflow.getHandle(assignmentWorkflowId(assignmentId)).fetchHistory()).events ?? [];

  it('runs a lead + coordinators assignment from receipt to a confirmed on-time report', async () => {
    const id = uniqueId('A2');
    const created = await createDirective(client, worker.taskQueue, [plan(id)]);
    expect(created.assignmentIds).toEqual([id]);
    await eventually(() => stateOf(client, id), (s) => s?.stage === 'received');

    await send(client, id, { type: 'Acknowledge' }, agency('BTCTU'));
    await send(client, id, { type: 'RecordResearch', note: 'Khảo sát 13 huyện' }, agency('DDHDND'));
    await send(client, id, { type: 'SubmitProposal', summary: 'Đề xuất chính sách', beyondProvincialCompetence: false }, agency('BTCTU'));
    await send(client, id, { type: 'ReviewProposal', decision: 'accept' }, SUPERVISOR);
    await send(client, id, { type: 'SubmitReport', summary: 'Đã ban hành' }, agency('BTCTU'));
    const confirmed = await send(client, id, { type: 'ConfirmReport' }, SUPERVISOR);

    expect(confirmed.assignment).toMatchObject({ stage: 'closed', status: 'doneOnTime', verdict: 'onTime', lead: 'BTCTU' });
    expect(confirmed.version).toBe(7);
    expect(await eventTypes(id)).toEqual([
      'AssignmentCreated', 'AssignmentAcknowledged', 'ResearchRecorded', 'ProposalSubmitted', 'ProposalAccepted', 'ReportSubmitted', 'ReportConfirmed',
    ]);
    await client.workflow.getHandle(assignmentWorkflowId(id)).result();
    await recordHistory(assignmentWorkflowId(id), 'lead-and-coordinators');
  });

  it('rejects invalid commands in the validator: nothing in history, nothing in PostgreSQL', async () => {
    const id = uniqueId('A1');
    await createDirective(client, worker.taskQueue, [plan(id)]);
    await eventually(() => stateOf(client, id), (s) => s?.stage === 'received');
    const historyBefore = (await history(id)).length;

    expect(await rejectionCode(send(client, id, { type: 'SubmitReport', summary: 'quá sớm' }, agency('BTCTU')))).toBe('INVALID_TRANSITION');
    expect(await rejectionCode(send(client, id, { type: 'Acknowledge' }, agency('DDHDND')))).toBe('NOT_PERMITTED');
    expect(await rejectionCode(send(client, id, { type: 'RequestExtension', reason: 'cần thêm thời gian', newDueAt: '2020-01-01T00:00:00.000Z' }, agency('BTCTU')))).toMatch(/EXTENSION_DATE_IN_PAST|INVALID_TRANSITION/);

    expect(await eventTypes(id)).toEqual(['AssignmentCreated']);
    const historyAfter = await history(id);
    expect(historyAfter.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(0);
    expect(historyAfter.length).toBe(historyBefore);
  });

  it('escalates a matter beyond provincial competence to the Centre, pausing and resuming the clock', async () => {
    const id = uniqueId('A4');
    const lead = await acceptedBeyondCompetence(id);
    expect(await rejectionCode(send(client, id, { type: 'SubmitReport', summary: 'x' }, lead))).toBe('CENTRE_RESPONSE_REQUIRED');
    const escalated = await send(client, id, { type: 'EscalateToCentre', centralBody: 'Ban Bí thư', summary: 'Chế độ phụ cấp' }, SUPERVISOR);
    expect(escalated.assignment).toMatchObject({ stage: 'escalated', paused: true });
    const responded = await send(client, id, { type: 'RecordCentreResponse', response: 'Đồng ý nghiên cứu' }, SUPERVISOR);
    expect(responded.assignment.paused).toBe(false);
    // The pause is counted; a date deadline gets it back in whole days, so a moment at the Centre keeps its date.
    expect(responded.assignment.pausedMsTotal).toBeGreaterThan(0);
    expect(responded.assignment.adjustedDueAt).toBe(responded.assignment.originalDueAt);
    await send(client, id, { type: 'SubmitReport', summary: 'Đã báo cáo' }, lead);
    const closed = await send(client, id, { type: 'ConfirmReport' }, SUPERVISOR);
    expect(closed.assignment.stage).toBe('closed');
    await client.workflow.getHandle(assignmentWorkflowId(id)).result();
    await recordHistory(assignmentWorkflowId(id), 'escalation-to-centre');
  });

  it('sends a rejected report back to the Centre\'s answer: revised and confirmed without a second escalation', async () => {
    const id = uniqueId('A4');
    const lead = await acceptedBeyondCompetence(id);
    await send(client, id, { type: 'EscalateToCentre', centralBody: 'Ban Bí thư', summary: 'Chế độ phụ cấp' }, SUPERVISOR);
    await send(client, id, { type: 'RecordCentreResponse', response: 'Đồng ý nghiên cứu' }, SUPERVISOR);
    await send(client, id, { type: 'SubmitReport', summary: 'Đã báo cáo' }, lead);
    const rejected = await send(client, id, { type: 'RejectReport', comment: 'Chưa đủ số liệu' }, SUPERVISOR);
    expect(rejected.assignment).toMatchObject({ stage: 'centreResponded', paused: false });
    await send(client, id, { type: 'SubmitReport', summary: 'Đã bổ sung số liệu' }, lead);
    const closed = await send(client, id, { type: 'ConfirmReport' }, SUPERVISOR);
    expect(closed.assignment.stage).toBe('closed');
    expect(await eventTypes(id)).toEqual(['AssignmentCreated', 'AssignmentAcknowledged', 'ProposalSubmitted', 'ProposalAccepted', 'EscalatedToCentre', 'CentreResponded', 'ReportSubmitted', 'ReportRejected', 'ReportSubmitted', 'ReportConfirmed']);
    await client.workflow.getHandle(assignmentWorkflowId(id)).result();
    await recordHistory(assignmentWorkflowId(id), 'report-rejected-after-centre');
  });

  it('lets the Office deny an extension requested before the work went to the Centre, while it waits there', async () => {
    const id = uniqueId('A4');
    const lead = await acceptedBeyondCompetence(id);
    await send(client, id, { type: 'RequestExtension', reason: 'Chờ ý kiến các bộ', newDueAt: '2100-06-30T16:59:59.999Z' }, lead);
    await send(client, id, { type: 'EscalateToCentre', centralBody: 'Ban Bí thư', summary: 'Chế độ phụ cấp' }, lead);
    expect(await rejectionCode(send(client, id, { type: 'DecideExtension', decision: 'approve' }, SUPERVISOR))).toBe('INVALID_TRANSITION');
    const denied = await send(client, id, { type: 'DecideExtension', decision: 'deny', comment: 'Chờ Trung ương trả lời' }, SUPERVISOR);
    expect(denied.assignment).toMatchObject({ stage: 'escalated', pendingExtensionDueAt: null });
    expect(denied.events.map((e) => e.type)).toEqual(['ExtensionDenied']);
    await send(client, id, { type: 'Withdraw', reason: 'Trung ương đã có chủ trương chung' }, SUPERVISOR);
    await client.workflow.getHandle(assignmentWorkflowId(id)).result();
    await recordHistory(assignmentWorkflowId(id), 'extension-denied-while-escalated');
  });

  it('lets the lead take back its extension request and ask for another date, which the Office approves', async () => {
    const id = uniqueId('A4X');
    await createDirective(client, worker.taskQueue, [plan(id)]);
    await eventually(() => stateOf(client, id), (s) => s?.stage === 'received');
    const lead = agency('BTCTU');
    await send(client, id, { type: 'Acknowledge' }, lead);
    await send(client, id, { type: 'RequestExtension', reason: 'Chờ số liệu', newDueAt: '2100-06-30T16:59:59.999Z' }, lead);
    const takenBack = await send(client, id, { type: 'WithdrawExtensionRequest', reason: 'Nhầm ngày' }, lead);
    expect(takenBack.assignment).toMatchObject({ pendingExtensionDueAt: null });
    expect(await rejectionCode(send(client, id, { type: 'DecideExtension', decision: 'approve' }, SUPERVISOR))).toBe('EXTENSION_NOT_PENDING');
    await send(client, id, { type: 'RequestExtension', reason: 'Chờ số liệu', newDueAt: '2100-07-31T16:59:59.999Z' }, lead);
    const approved = await send(client, id, { type: 'DecideExtension', decision: 'approve' }, SUPERVISOR);
    expect(approved.assignment).toMatchObject({ dueAt: '2100-07-31T16:59:59.999Z', pendingExtensionDueAt: null });
    await send(client, id, { type: 'Withdraw', reason: 'Đã giải quyết theo văn bản khác' }, SUPERVISOR);
    await client.workflow.getHandle(assignmentWorkflowId(id)).result();
    expect(await eventTypes(id)).toEqual([
      'AssignmentCreated', 'AssignmentAcknowledged', 'ExtensionRequested', 'ExtensionRequestWithdrawn', 'ExtensionRequested', 'ExtensionApproved', 'AssignmentWithdrawn',
    ]);
    await recordHistory(assignmentWorkflowId(id), 'extension-request-withdrawn');
  });

  it('closes an extension request still pending when the report is confirmed with an event of its own', async () => {
    const id = uniqueId('A4L');
    const lead = await acceptedBeyondCompetence(id);
    await send(client, id, { type: 'EscalateToCentre', centralBody: 'Ban Bí thư', summary: 'Chế độ phụ cấp' }, SUPERVISOR);
    await send(client, id, { type: 'RecordCentreResponse', response: 'Đồng ý nghiên cứu' }, SUPERVISOR);
    await send(client, id, { type: 'SubmitReport', summary: 'Đã báo cáo' }, lead);
    const requested = await send(client, id, { type: 'RequestExtension', reason: 'Nếu cần bổ sung số liệu', newDueAt: '2100-06-30T16:59:59.999Z' }, lead);
    expect(requested.assignment).toMatchObject({ stage: 'reported', pendingExtensionDueAt: '2100-06-30T16:59:59.999Z' });
    const confirmed = await send(client, id, { type: 'ConfirmReport' }, SUPERVISOR);
    expect(confirmed.assignment).toMatchObject({ stage: 'closed', pendingExtensionDueAt: null });
    expect(confirmed.events.map((e) => [e.type, e.data])).toEqual([
      ['ExtensionRequestLapsed', { newDueAt: '2100-06-30T16:59:59.999Z', cause: 'closed', at: expect.any(String) }],
      ['ReportConfirmed', expect.objectContaining({ verdict: 'onTime' })],
    ]);
    const timeline = await sql<{ type: string }[]>`select type from escalation_timeline where assignment_id = ${id} order by global_position`;
    expect(timeline.map((row) => row.type)).toEqual(['EscalatedToCentre', 'CentreResponded', 'ExtensionRequested', 'ExtensionRequestLapsed']);
    // The lead hears of it, and of the Centre's answer in the Centre's words.
    const inbox = await sql<{ kind: string; message: string }[]>`select kind, message from notifications where assignment_id = ${id} and agency = 'VPTU' order by global_position`;
    expect(inbox.map((row) => row.kind)).toEqual(['assigned', 'proposalAccepted', 'centreResponded', 'extensionLapsed', 'reportConfirmed']);
    expect(inbox[2].message).toContain(': Đồng ý nghiên cứu. Đề nghị tiếp tục thực hiện');
    expect(inbox[3].message).toMatch(/^Đề nghị gia hạn đến ngày 30\/06\/2100 không còn hiệu lực: .*: báo cáo đã được xác nhận hoàn thành\.$/);
    await client.workflow.getHandle(assignmentWorkflowId(id)).result();
    await recordHistory(assignmentWorkflowId(id), 'extension-request-lapsed');
  });

  it('fans an "each of" assignment out to one workflow per agency and rolls their progress up', async () => {
    const id = uniqueId('A3');
    const districts = ['BTV-HUONGSON', 'BTV-CANLOC', 'BTV-KYANH'];
    await createDirective(client, worker.taskQueue, [plan(id, { kind: 'eachOf', agencies: districts.map((code) => ({ agency: code, role: 'lead' as const })) })]);
    for (const code of districts) await eventually(() => stateOf(client, `${id}.${code}`), (s) => s?.stage === 'received');

    for (const code of districts) {
      const track = `${id}.${code}`;
      const lead = agency(code);
      await send(client, track, { type: 'Acknowledge' }, lead);
      await send(client, track, { type: 'SubmitProposal', summary: 'Tổng hợp vướng mắc', beyondProvincialCompetence: false }, lead);
      await send(client, track, { type: 'ReviewProposal', decision: 'accept' }, SUPERVISOR);
      await send(client, track, { type: 'SubmitReport', summary: 'Đã gửi báo cáo' }, lead);
      if (code !== 'BTV-KYANH') await send(client, track, { type: 'ConfirmReport' }, SUPERVISOR);
    }
    const partial = await eventually(() => stateOf(client, id), (s) => (s?.tracks?.byStatus.doneOnTime ?? 0) === 2);
    expect(partial?.stage).toBe('tracking');
    expect(partial?.tracks?.total).toBe(3);

    await send(client, `${id}.BTV-KYANH`, { type: 'ConfirmReport' }, SUPERVISOR);
    await client.workflow.getHandle(assignmentWorkflowId(id)).result();
    expect((await eventTypes(id)).at(-1)).toBe('AssignmentClosed');
    await recordHistory(assignmentWorkflowId(id), 'each-of-parent');
    await recordHistory(assignmentWorkflowId(`${id}.BTV-KYANH`), 'each-of-track');
  });

  it('withdrawing an "each of" assignment withdraws every track, as the supervisor who withdrew it', async () => {
    const id = uniqueId('A3');
    const districts = ['BTV-HUONGSON', 'BTV-CANLOC'];
    await createDirective(client, worker.taskQueue, [plan(id, { kind: 'eachOf', agencies: districts.map((code) => ({ agency: code, role: 'lead' as const })) })]);
    for (const code of districts) await eventually(() => stateOf(client, `${id}.${code}`), (s) => s?.stage === 'received');
    await send(client, `${id}.BTV-CANLOC`, { type: 'Acknowledge' }, agency('BTV-CANLOC'));

    await send(client, id, { type: 'Withdraw', reason: 'Nội dung đã được giải quyết' }, SUPERVISOR);
    for (const code of districts) {
      const track = `${id}.${code}`;
      await client.workflow.getHandle(assignmentWorkflowId(track)).result();
      const last = (await store.readStream(assignmentStreamId(track))).at(-1);
      expect(last).toMatchObject({ type: 'AssignmentWithdrawn', data: { reason: 'Nội dung đã được giải quyết' }, metadata: { actor: SUPERVISOR } });
    }
    await client.workflow.getHandle(assignmentWorkflowId(id)).result();
  });

  it('catches up on events of its own it never saw (a workflow task whose completion was lost) and goes on', async () => {
    const id = uniqueId('A5');
    await createDirective(client, worker.taskQueue, [plan(id)]);
    await eventually(() => stateOf(client, id), (s) => s?.stage === 'received');
    const acknowledged = await send(client, id, { type: 'Acknowledge' }, agency('BTCTU'));
    // Stored as a lost task had stored them, behind the workflow's back: another command's note, then this one's.
    const lost = async (version: number, note: string, correlationId: string) => {
      const at = new Date().toISOString();
      await store.append(assignmentStreamId(id), version, [{ type: 'ResearchRecorded', schemaVersion: EVENT_SCHEMA_VERSION.ResearchRecorded, data: { agency: 'BTCTU', role: 'lead', note, at } }], {
        occurredAt: at,
        actor: agency('BTCTU'),
        correlationId,
        causationId: null,
      });
    };
    await lost(acknowledged.version, 'Ghi chú của lệnh khác', randomUUID());
    const next = await send(client, id, { type: 'RecordResearch', note: 'Khảo sát 13 huyện' }, agency('DDHDND'));
    expect(next.version).toBe(acknowledged.version + 2);

    // A command sent again whose first attempt was stored after another's: it took effect then, not stored twice.
    const correlationId = randomUUID();
    await lost(next.version, 'Ghi chú của một lệnh khác nữa', randomUUID());
    await lost(next.version + 1, 'Đã lưu ở lần trước', correlationId);
    const again = await client.workflow.getHandle(assignmentWorkflowId(id)).executeUpdate(assignmentCommandUpdate, {
      args: [{ command: { type: 'RecordResearch', note: 'Đã lưu ở lần trước' }, actor: agency('BTCTU'), correlationId }],
    });
    expect(again.version).toBe(next.version + 2);
    expect((await store.readStream(assignmentStreamId(id))).map((e) => (e.data as { note?: string }).note ?? e.type)).toEqual([
      'AssignmentCreated', 'AssignmentAcknowledged', 'Ghi chú của lệnh khác', 'Khảo sát 13 huyện', 'Ghi chú của một lệnh khác nữa', 'Đã lưu ở lần trước',
    ]);
    expect((await client.workflow.getHandle(assignmentWorkflowId(id)).query(assignmentStateQuery)).version).toBe(next.version + 2);

    // A command stored by its first attempt and caught up by another command before it is sent again: answered with
    // what was stored, neither refused nor stored twice.
    const caughtUp = randomUUID();
    await lost(next.version + 2, 'Ghi chú đã lưu, lệnh khác nhận về', caughtUp);
    const other = await send(client, id, { type: 'RecordResearch', note: 'Lệnh khác' }, agency('DDHDND'));
    expect(other.version).toBe(next.version + 4);
    const repeated = await client.workflow.getHandle(assignmentWorkflowId(id)).executeUpdate(assignmentCommandUpdate, {
      args: [{ command: { type: 'RecordResearch', note: 'Ghi chú đã lưu, lệnh khác nhận về' }, actor: agency('BTCTU'), correlationId: caughtUp }],
    });
    expect(repeated.version).toBe(next.version + 4);
    expect(repeated.events.map((e) => (e.data as { note: string }).note)).toEqual(['Ghi chú đã lưu, lệnh khác nhận về']);
    expect((await store.readStream(assignmentStreamId(id))).filter((e) => (e.data as { note?: string }).note === 'Ghi chú đã lưu, lệnh khác nhận về')).toHaveLength(1);
    await send(client, id, { type: 'Withdraw', reason: 'Kết thúc kiểm thử' }, SUPERVISOR);
    await client.workflow.getHandle(assignmentWorkflowId(id)).result();
    await recordHistory(assignmentWorkflowId(id), 'caught-up-command-answered');
  });

  it('refuses to approve an extension to a date that has passed, storing nothing; a deny still decides it', async () => {
    const id = uniqueId('A6');
    await createDirective(client, worker.taskQueue, [plan(id, { deadline: inSeconds(1) })]);
    await eventually(() => stateOf(client, id), (s) => s?.stage === 'received');
    const newDueAt = new Date(Date.now() + 2500).toISOString();
    await send(client, id, { type: 'RequestExtension', reason: 'Chờ số liệu các xã', newDueAt }, agency('BTCTU'));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(newDueAt) - Date.now() + 300)));
    expect(await rejectionCode(send(client, id, { type: 'DecideExtension', decision: 'approve' }, SUPERVISOR))).toBe('EXTENSION_DATE_IN_PAST');
    expect(await eventTypes(id)).not.toContain('ExtensionApproved');
    const denied = await send(client, id, { type: 'DecideExtension', decision: 'deny', comment: 'Đã quá ngày xin gia hạn' }, SUPERVISOR);
    expect(denied.events.map((e) => e.type)).toEqual(['ExtensionDenied']);
    await send(client, id, { type: 'Withdraw', reason: 'Trung ương đã có chủ trương chung' }, SUPERVISOR);
    await client.workflow.getHandle(assignmentWorkflowId(id)).result();
    await recordHistory(assignmentWorkflowId(id), 'extension-denied-while-escalated');
  });

  it('stops the clock while the Office reviews a report: no overdue mark, judged when it came in, review time given back', async () => {
    const [confirmedId, rejectedId] = [uniqueId('A5'), uniqueId('A5')];
    const deadline = inSeconds(4);
    await createDirective(client, worker.taskQueue, [plan(confirmedId, { deadline }), plan(rejectedId, { deadline })]);
    const lead = agency('BTCTU');
    for (const id of [confirmedId, rejectedId]) {
      await eventually(() => stateOf(client, id), (s) => s?.stage === 'received');
      await send(client, id, { type: 'Acknowledge' }, lead);
      await send(client, id, { type: 'SubmitProposal', summary: 'Đề xuất phương án', beyondProvincialCompetence: false }, lead);
      await send(client, id, { type: 'ReviewProposal', decision: 'accept' }, SUPERVISOR);
      expect((await send(client, id, { type: 'SubmitReport', summary: 'Đã hoàn thành' }, lead)).assignment).toMatchObject({ stage: 'reported', paused: true });
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(deadline.at) - Date.now() + 1500)));
    expect(await stateOf(client, confirmedId)).toMatchObject({ stage: 'reported', status: 'inProgressOnTime' });
    const confirmed = await send(client, confirmedId, { type: 'ConfirmReport' }, SUPERVISOR);
    expect(confirmed.assignment).toMatchObject({ stage: 'closed', status: 'doneOnTime', verdict: 'onTime' });
    const rejected = await send(client, rejectedId, { type: 'RejectReport', comment: 'Chưa đủ số liệu' }, SUPERVISOR);
    expect(rejected.assignment).toMatchObject({ stage: 'accepted', paused: false });
    const data = rejected.events[0].data as { pausedMs: number; adjustedDueAt: string };
    expect(data.pausedMs).toBeGreaterThan(1500);
    expect(Date.parse(rejected.assignment.adjustedDueAt)).toBeGreaterThanOrEqual(Date.parse(deadline.at) + data.pausedMs);
    for (const id of [confirmedId, rejectedId]) expect(await eventTypes(id)).not.toContain('MarkedOverdue');
    await send(client, rejectedId, { type: 'Withdraw', reason: 'Đã sáp nhập vào nhiệm vụ khác' }, SUPERVISOR);
    for (const id of [confirmedId, rejectedId]) await client.workflow.getHandle(assignmentWorkflowId(id)).result();
    await recordHistory(assignmentWorkflowId(confirmedId), 'report-in-review-confirmed');
    await recordHistory(assignmentWorkflowId(rejectedId), 'report-in-review-rejected');
  });

  it('answers a repeated update id with the first result and appends nothing more', async () => {
    const id = uniqueId('A1');
    await createDirective(client, worker.taskQueue, [plan(id)]);
    await eventually(() => stateOf(client, id), (s) => s?.stage === 'received');
    const updateId = randomUUID();
    const first = await send(client, id, { type: 'Acknowledge' }, agency('BTCTU'), updateId);
    const again = await send(client, id, { type: 'Acknowledge' }, agency('BTCTU'), updateId);
    expect(again).toEqual(first);
    expect(await eventTypes(id)).toEqual(['AssignmentCreated', 'AssignmentAcknowledged']);
  });

  it('creating the same directive twice starts nothing new', async () => {
    const id = uniqueId('A1');
    const directiveId = uniqueId('D');
    const first = await createDirective(client, worker.taskQueue, [plan(id)], { directiveId });
    const second = await createDirective(client, worker.taskQueue, [plan(id)], { directiveId });
    expect(first.created).toBe(true);
    expect(second).toEqual({ ...first, created: false }); // the same directive, found: this request created nothing
    await eventually(() => stateOf(client, id), (s) => s?.stage === 'received');
    expect(await eventTypes(id)).toEqual(['AssignmentCreated']);
  });
});
