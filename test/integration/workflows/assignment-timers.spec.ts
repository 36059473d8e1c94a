import { DISTRICT_COMMITTEES } from '@app/agencies';
import { assignmentStreamId, assignmentWorkflowId, directiveWorkflowId } from '@app/contracts';
import { recordHistory } from '../../support/history-fixtures';
import { connectToStack, testWorker, uniqueId, type StackConnection } from '../../support/test-stack';
import { agency, createDirective, eventually, FAST_TIMERS, inSeconds, plan, send, stateOf, SUPERVISOR } from '../../support/workflow-driver';

describe('durable deadline timers, restarts and long lives', () => {
  let stack: StackConnection;
  beforeAll(async () => (stack = await connectToStack()));
  afterAll(() => stack.close());

  const stream = (id: string) => stack.store.readStream(assignmentStreamId(id));

  it('fires the reminder, the overdue mark and the three ladder levels as events, in order', async () => {
    const worker = await testWorker();
    try {
      const id = uniqueId('T1');
      await createDirective(stack.client, worker.taskQueue, [plan(id, { deadline: inSeconds(3) })], { timerPolicy: FAST_TIMERS });
      const events = await eventually(() => stream(id), (list) => list.some((e) => e.type === 'EscalatedToLevel' && (e.data as { level: number }).level === 3), 30_000);
      const fired = events.filter((e) => e.type !== 'AssignmentCreated').map((e) => (e.type === 'EscalatedToLevel' ? `L${(e.data as { level: number }).level}` : e.type));
      expect(fired).toEqual(['ReminderSent', 'MarkedOverdue', 'L1', 'L2', 'L3']);
      const overdue = events.find((e) => e.type === 'MarkedOverdue')!;
      const due = Date.parse((overdue.data as { dueAt: string }).dueAt);
      expect(Date.parse(overdue.occurredAt)).toBeGreaterThanOrEqual(due);
      expect((await stateOf(stack.client, id))?.status).toBe('inProgressOverdue');
      await send(stack.client, id, { type: 'Withdraw', reason: 'Kết thúc kiểm thử' }, SUPERVISOR);
      await stack.client.workflow.getHandle(assignmentWorkflowId(id)).result();
      await recordHistory(assignmentWorkflowId(id), 'timers-fired-then-withdrawn');
    } finally {
      await worker.shutdown();
    }
  });

  it('tells an "each of" parent when a track goes overdue or climbs the ladder, not only when its stage changes', async () => {
    const worker = await testWorker();
    try {
      const id = uniqueId('T6');
      const districts = ['BTV-HUONGSON', 'BTV-CANLOC'];
      await createDirective(stack.client, worker.taskQueue, [plan(id, { kind: 'eachOf', deadline: inSeconds(3), agencies: districts.map((code) => ({ agency: code, role: 'lead' as const })) })], { timerPolicy: FAST_TIMERS });
      const parent = await eventually(() => stateOf(stack.client, id), (s) => (s?.tracks?.byStatus.inProgressOverdue ?? 0) === districts.length, 30_000);
      expect(parent?.tracks?.byStatus.inProgressOnTime).toBe(0);
      // The ladder's levels reach the parent too: it stands at the highest of its tracks'.
      const climbed = await eventually(() => stateOf(stack.client, id), (s) => (s?.tracks?.tracks ?? []).every((t) => t.level === 3), 30_000);
      expect(climbed?.overdueLevel).toBe(3);
      await send(stack.client, id, { type: 'Withdraw', reason: 'Kết thúc kiểm thử' }, SUPERVISOR);
      await stack.client.workflow.getHandle(assignmentWorkflowId(id)).result();
      await recordHistory(assignmentWorkflowId(`${id}.${districts[0]}`), 'each-of-track-climbs-the-ladder');
      await recordHistory(assignmentWorkflowId(id), 'each-of-parent-of-tracks-on-the-ladder');
    } finally {
      await worker.shutdown();
    }
  });

  it('shows every track of a notice imported late overdue in its parent, each track having reported at its start', async () => {
    const worker = await testWorker();
    try {
      const directiveId = uniqueId('D8');
      const id = `${directiveId}-A3`;
      const pastDeadline = { kind: 'date' as const, date: '2024-01-31' };
      await createDirective(stack.client, worker.taskQueue, [plan(id, { kind: 'eachOf', deadline: pastDeadline, agencies: DISTRICT_COMMITTEES.map((code) => ({ agency: code, role: 'lead' as const })) })], { directiveId });
      const parent = await eventually(() => stateOf(stack.client, id), (s) => (s?.tracks?.byStatus.inProgressOverdue ?? 0) === DISTRICT_COMMITTEES.length, 30_000);
      expect(parent?.tracks?.byStatus.inProgressOnTime).toBe(0);
      // Long past its deadline, each track climbs the whole ladder at once, reporting each level; whatever order the
      // reports arrive in, the parent ends with each track's last one.
      const climbed = await eventually(() => stateOf(stack.client, id), (s) => (s?.tracks?.tracks ?? []).every((t) => t.level === 3), 45_000);
      expect(climbed?.overdueLevel).toBe(3);
      await send(stack.client, id, { type: 'Withdraw', reason: 'Kết thúc kiểm thử' }, SUPERVISOR);
      await stack.client.workflow.getHandle(assignmentWorkflowId(id)).result();
      await recordHistory(directiveWorkflowId(directiveId), 'directive-starts-parents-first');
      await recordHistory(assignmentWorkflowId(id), 'each-of-parent-keeps-each-tracks-latest-report');
    } finally {
      await worker.shutdown();
    }
  });

  it('holds an "each of" parent to its tracks’ extended deadlines, not to its own', async () => {
    const worker = await testWorker();
    try {
      const id = uniqueId('T7');
      const districts = ['BTV-HUONGSON', 'BTV-CANLOC'];
      const due = inSeconds(4);
      await createDirective(stack.client, worker.taskQueue, [plan(id, { kind: 'eachOf', deadline: due, agencies: districts.map((code) => ({ agency: code, role: 'lead' as const })) })], { timerPolicy: FAST_TIMERS });
      const newDueAt = new Date(Date.now() + 3_600_000).toISOString();
      for (const district of districts) {
        const track = `${id}.${district}`;
        await eventually(() => stateOf(stack.client, track), (s) => s?.stage === 'received');
        // An on-time extension changes neither stage nor status: only the deadline tells the parent.
        await send(stack.client, track, { type: 'RequestExtension', reason: 'Chờ số liệu các xã', newDueAt }, agency(district));
        await send(stack.client, track, { type: 'DecideExtension', decision: 'approve' }, SUPERVISOR);
      }
      const parent = await eventually(() => stateOf(stack.client, id), (s) => s?.dueAt === newDueAt, 15_000);
      expect(parent?.tracks?.tracks.map((t) => t.dueAt)).toEqual([newDueAt, newDueAt]);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(due.at) - Date.now() + 1500)));
      expect(await stateOf(stack.client, id)).toMatchObject({ status: 'inProgressOnTime', dueAt: newDueAt, adjustedDueAt: parent?.adjustedDueAt });
      const [row] = await stack.sql<{ status: string; due_at: Date }[]>`select status, due_at from assignment_summary where assignment_id = ${id}`;
      expect([row.status, row.due_at.toISOString()]).toEqual(['inProgressOnTime', newDueAt]);
      await send(stack.client, id, { type: 'Withdraw', reason: 'Kết thúc kiểm thử' }, SUPERVISOR);
      await stack.client.workflow.getHandle(assignmentWorkflowId(id)).result();
      await stack.client.workflow.getHandle(assignmentWorkflowId(`${id}.${districts[0]}`)).result();
      await recordHistory(assignmentWorkflowId(`${id}.${districts[0]}`), 'each-of-track-extended');
      await recordHistory(assignmentWorkflowId(id), 'each-of-parent-tracks-extended');
    } finally {
      await worker.shutdown();
    }
  });

  it('re-arms the timers when an extension is approved', async () => {
    const worker = await testWorker();
    try {
      const id = uniqueId('T2');
      await createDirective(stack.client, worker.taskQueue, [plan(id, { deadline: inSeconds(4) })], { timerPolicy: FAST_TIMERS });
      await eventually(() => stateOf(stack.client, id), (s) => s?.stage === 'received');
      const newDueAt = new Date(Date.now() + 3_600_000).toISOString();
      await send(stack.client, id, { type: 'RequestExtension', reason: 'Chờ ý kiến các huyện', newDueAt }, agency('BTCTU'));
      const approved = await send(stack.client, id, { type: 'DecideExtension', decision: 'approve' }, SUPERVISOR);
      expect(approved.assignment.adjustedDueAt).toBe(newDueAt);
      expect(approved.assignment.originalDueAt).not.toBe(newDueAt);
      await new Promise((resolve) => setTimeout(resolve, 6000));
      expect((await stream(id)).map((e) => e.type)).not.toContain('MarkedOverdue');
    } finally {
      await worker.shutdown();
    }
  });

  it('loses and doubles nothing when the worker is killed mid-lifecycle and another takes over', async () => {
    const first = await testWorker();
    const id = uniqueId('T3');
    await createDirective(stack.client, first.taskQueue, [plan(id, { deadline: inSeconds(5) })], { timerPolicy: FAST_TIMERS });
    await eventually(() => stateOf(stack.client, id), (s) => s?.stage === 'received');
    await send(stack.client, id, { type: 'Acknowledge' }, agency('BTCTU'));
    await first.shutdown();

    // While no worker runs, a command waits and the deadline passes.
    const pending = send(stack.client, id, { type: 'RecordResearch', note: 'Tiếp tục nghiên cứu' }, agency('BTCTU'));
    await new Promise((resolve) => setTimeout(resolve, 6000));
    const second = await testWorker(first.taskQueue);
    try {
      expect((await pending).assignment.stage).toBe('research');
      const events = await eventually(() => stream(id), (list) => list.some((e) => e.type === 'MarkedOverdue'), 20_000);
      expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, index) => index + 1));
      expect(events.filter((e) => e.type === 'ResearchRecorded')).toHaveLength(1);
      expect(events.filter((e) => e.type === 'MarkedOverdue')).toHaveLength(1);
    } finally {
      await second.shutdown();
    }
  });

  it('continues as new when history grows, carrying the state over', async () => {
    const worker = await testWorker();
    try {
      const id = uniqueId('T4');
      await createDirective(stack.client, worker.taskQueue, [plan(id)], { historyLimit: 25 });
      await eventually(() => stateOf(stack.client, id), (s) => s?.stage === 'received');
      const handle = stack.client.workflow.getHandle(assignmentWorkflowId(id));
      const firstRun = (await handle.describe()).runId;
      await send(stack.client, id, { type: 'Acknowledge' }, agency('BTCTU'));
      for (let i = 0; i < 8; i += 1) await send(stack.client, id, { type: 'RecordResearch', note: `Ghi chú ${i}` }, agency('DDHDND'));
      await eventually(() => handle.describe(), (d) => d.runId !== firstRun);
      const after = await send(stack.client, id, { type: 'SubmitProposal', summary: 'Đề xuất', beyondProvincialCompetence: false }, agency('BTCTU'));
      expect(after.version).toBe(11);
      expect(after.assignment.stage).toBe('proposed');
      expect((await stream(id)).map((e) => e.streamVersion)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    } finally {
      await worker.shutdown();
    }
  });
});
