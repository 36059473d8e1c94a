import { randomUUID } from 'node:crypto';
import { assignmentStreamId, directiveStreamId, directiveWorkflowId } from '@app/contracts';
import { directiveEnded } from '../../../apps/api/src/directives/start-directive';
import { recordHistory } from '../../support/history-fixtures';
import { connectToStack, testWorker, type StackConnection } from '../../support/test-stack';
import { agency, createDirective, eventually, FAST_TIMERS, inSeconds, plan, rejectionCode, send, SUPERVISOR } from '../../support/workflow-driver';

describe("the monitor's duty and what operators can query", () => {
  let stack: StackConnection;
  let worker: Awaited<ReturnType<typeof testWorker>>;

  beforeAll(async () => {
    stack = await connectToStack();
    worker = await testWorker();
  });
  afterAll(async () => {
    await worker.shutdown();
    await stack.close();
  });

  it('compiles the periodic report for the Standing Committee with the status counts of its assignments', async () => {
    const directiveId = `D-${randomUUID().slice(0, 8)}`;
    const [a1, a2] = [`${directiveId}-A1`, `${directiveId}-A2`];
    await createDirective(stack.client, worker.taskQueue, [plan(a1), plan(a2)], { directiveId, reportingEveryMs: 2000 });
    for (const id of [a1]) {
      await send(stack.client, id, { type: 'Acknowledge' }, agency('BTCTU'));
      await send(stack.client, id, { type: 'SubmitProposal', summary: 'Đề xuất', beyondProvincialCompetence: false }, agency('BTCTU'));
      await send(stack.client, id, { type: 'ReviewProposal', decision: 'accept' }, SUPERVISOR);
      await send(stack.client, id, { type: 'SubmitReport', summary: 'Xong' }, agency('BTCTU'));
      await send(stack.client, id, { type: 'ConfirmReport' }, SUPERVISOR);
    }
    const events = await eventually(
      () => stack.store.readStream(directiveStreamId(directiveId)),
      (list) => list.some((e) => e.type === 'CompiledReportProduced' && (e.data as { counts: { doneOnTime: number } }).counts.doneOnTime === 1),
      20_000,
    );
    const report = events.filter((e) => e.type === 'CompiledReportProduced').at(-1)!;
    expect((report.data as { counts: Record<string, number> }).counts).toMatchObject({ doneOnTime: 1, inProgressOnTime: 1, inProgressOverdue: 0, doneLate: 0 });
    await recordHistory(directiveWorkflowId(directiveId), 'directive-with-compiled-reports');
  });

  it('ends once a report counts every assignment done', async () => {
    const directiveId = `D-${randomUUID().slice(0, 8)}`;
    const id = `${directiveId}-A1`;
    await createDirective(stack.client, worker.taskQueue, [plan(id)], { directiveId, reportingEveryMs: 1500 });
    expect(await directiveEnded(stack.client, directiveId)).toBe(false);
    await send(stack.client, id, { type: 'Acknowledge' }, agency('BTCTU'));
    await send(stack.client, id, { type: 'SubmitProposal', summary: 'Đề xuất', beyondProvincialCompetence: false }, agency('BTCTU'));
    await send(stack.client, id, { type: 'ReviewProposal', decision: 'accept' }, SUPERVISOR);
    await send(stack.client, id, { type: 'SubmitReport', summary: 'Xong' }, agency('BTCTU'));
    await send(stack.client, id, { type: 'ConfirmReport' }, SUPERVISOR);
    await stack.client.workflow.getHandle(directiveWorkflowId(directiveId)).result();
    const reports = (await stack.store.readStream(directiveStreamId(directiveId))).filter((e) => e.type === 'CompiledReportProduced');
    expect((reports.at(-1)!.data as { counts: Record<string, number> }).counts).toMatchObject({ doneOnTime: 1, inProgressOnTime: 0, inProgressOverdue: 0 });
    expect(await directiveEnded(stack.client, directiveId)).toBe(true);
    await recordHistory(directiveWorkflowId(directiveId), 'directive-ends-when-all-done');
  });

  it("starts each assignment with its search attributes already set, before anything happens to it", async () => {
    const directiveId = `D-${randomUUID().slice(0, 8)}`;
    const ids = [`${directiveId}-A1`, `${directiveId}-A2`];
    await createDirective(stack.client, worker.taskQueue, ids.map((id) => plan(id)), { directiveId });
    const query = `DondocDirective = '${directiveId}' AND DondocStatus = 'inProgressOnTime' AND DondocStage = 'received' AND DondocLeadAgency = 'BTCTU' AND DondocNextDue IS NOT NULL`;
    const found = await eventually(
      async () => {
        const listed: string[] = [];
        for await (const execution of stack.client.workflow.list({ query })) listed.push(execution.workflowId);
        return listed.sort();
      },
      (listed) => listed.length === ids.length,
      20_000,
    );
    expect(found).toEqual(ids.map((id) => `assignment/${id}`));
  });

  it('starts every assignment of a directive larger than one start batch, each once', async () => {
    const directiveId = `D-${randomUUID().slice(0, 8)}`;
    const ids = Array.from({ length: 450 }, (_, i) => `${directiveId}-A${i + 1}`);
    await createDirective(stack.client, worker.taskQueue, ids.map((id) => plan(id)), { directiveId });
    const count = await eventually(
      async () => (await stack.client.workflow.count(`DondocDirective = '${directiveId}'`)).count,
      (n) => n >= ids.length,
      60_000,
    );
    expect(count).toBe(ids.length);
    const last = await stack.client.workflow.getHandle(`assignment/${ids.at(-1)}`).describe();
    expect(last.status.name).toBe('RUNNING');
  });

  it('refuses, ASSIGNMENT_ID_TAKEN, a directive naming an assignment another holds, even past its first batch, storing and starting nothing', async () => {
    const holder = `D-${randomUUID().slice(0, 8)}`;
    const taken = `${holder}-A1`;
    await createDirective(stack.client, worker.taskQueue, [plan(taken)], { directiveId: holder });
    // As two directives created at the same moment would, past the API's check: in the first batch, and past it
    // (the 201st assignment is stored with the second batch, its stream claimed with the first).
    for (const position of [0, 200]) {
      const directiveId = `D-${randomUUID().slice(0, 8)}`;
      const ids = Array.from({ length: 201 }, (_, i) => (i === position ? taken : `${directiveId}-A${i + 1}`));
      expect(await rejectionCode(createDirective(stack.client, worker.taskQueue, ids.map((id) => plan(id)), { directiveId }))).toBe('ASSIGNMENT_ID_TAKEN');
      expect(await stack.store.readStream(directiveStreamId(directiveId))).toEqual([]);
      const [{ streams }] = await stack.sql<{ streams: number }[]>`select count(*)::int as streams from streams where stream_id like ${`assignment-${directiveId}-%`}`;
      expect(streams).toBe(0); // neither stored nor claimed
      await stack.client.workflow.getHandle(directiveWorkflowId(directiveId)).result();
    }
    expect((await stack.store.readStream(assignmentStreamId(taken))).map((e) => e.type)).toEqual(['AssignmentCreated']);
  });

  it('ends the run of a refused creation, whether its check or an assignment refused it, storing nothing', async () => {
    const byCheck = `D-${randomUUID().slice(0, 8)}`;
    expect(await rejectionCode(createDirective(stack.client, worker.taskQueue, [plan(`${byCheck}-A1`)], { directiveId: byCheck, title: '   ', awaitCreationMs: 500 }))).toBe('VALIDATION_FAILED');
    // Two reminders at one offset: the directive passes, each assignment's creation refuses it.
    const byAssignment = `D-${randomUUID().slice(0, 8)}`;
    const sameOffsetTwice = { remindBeforeMs: [86_400_000, 86_400_000], ladderAfterMs: [86_400_000, 172_800_000, 259_200_000] as [number, number, number] };
    expect(await rejectionCode(createDirective(stack.client, worker.taskQueue, [plan(`${byAssignment}-A1`)], { directiveId: byAssignment, timerPolicy: sameOffsetTwice }))).toBe('VALIDATION_FAILED');
    for (const directiveId of [byCheck, byAssignment]) {
      const handle = stack.client.workflow.getHandle(directiveWorkflowId(directiveId));
      await eventually(async () => (await handle.describe()).status.name, (status) => status === 'COMPLETED', 15_000);
      expect(await stack.store.readStream(directiveStreamId(directiveId))).toEqual([]);
    }
    await recordHistory(directiveWorkflowId(byAssignment), 'directive-refused-by-its-assignments');
  });

  it('publishes search attributes, so Temporal visibility filters assignments by status, stage and lead agency', async () => {
    const directiveId = `D-${randomUUID().slice(0, 8)}`;
    const id = `${directiveId}-A1`;
    await createDirective(stack.client, worker.taskQueue, [plan(id, { deadline: inSeconds(1) })], { directiveId, timerPolicy: FAST_TIMERS });
    const query = `DondocDirective = '${directiveId}' AND DondocStatus = 'inProgressOverdue' AND DondocLeadAgency = 'BTCTU' AND DondocStage = 'received'`;
    const found = await eventually(
      async () => {
        const ids: string[] = [];
        for await (const execution of stack.client.workflow.list({ query })) ids.push(execution.workflowId);
        return ids;
      },
      (ids) => ids.length === 1,
      20_000,
    );
    expect(found).toEqual([`assignment/${id}`]);
  });
});
