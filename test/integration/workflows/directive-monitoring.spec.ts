import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { directiveStreamId, directiveWorkflowId } from '@app/contracts';
import { EventStore, type Sql } from '@app/event-store';
import { recordHistory } from '../../support/history-fixtures';
import { testClient, testDatabase, testWorker } from '../../support/test-stack';
import { agency, createDirective, eventually, FAST_TIMERS, inSeconds, plan, send, SUPERVISOR } from '../../support/workflow-driver';

describe("the monitor's duty and what operators can query", () => {
  let sql: Sql;
  let client: Client;
  let worker: Awaited<ReturnType<typeof testWorker>>;

  beforeAll(async () => {
    sql = await testDatabase();
    client = await testClient();
    worker = await testWorker();
  });
  afterAll(async () => {
    await worker.shutdown();
    await client.connection.close();
    await sql.end();
  });

  it('compiles the periodic report for the Standing Committee with the status counts of its assignments', async () => {
    const directiveId = `D-${randomUUID().slice(0, 8)}`;
    const [a1, a2] = [`${directiveId}-A1`, `${directiveId}-A2`];
    await createDirective(client, worker.taskQueue, [plan(a1), plan(a2)], { directiveId, reportingEveryMs: 2000 });
    for (const id of [a1]) {
      await send(client, id, { type: 'Acknowledge' }, agency('BTCTU'));
      await send(client, id, { type: 'SubmitProposal', summary: 'Đề xuất', beyondProvincialCompetence: false }, agency('BTCTU'));
      await send(client, id, { type: 'ReviewProposal', decision: 'accept' }, SUPERVISOR);
      await send(client, id, { type: 'SubmitReport', summary: 'Xong' }, agency('BTCTU'));
      await send(client, id, { type: 'ConfirmReport' }, SUPERVISOR);
    }
    const events = await eventually(
      () => new EventStore(sql).readStream(directiveStreamId(directiveId)),
      (list) => list.some((e) => e.type === 'CompiledReportProduced' && (e.data as { counts: { doneOnTime: number } }).counts.doneOnTime === 1),
      20_000,
    );
    const report = events.filter((e) => e.type === 'CompiledReportProduced').at(-1)!;
    expect((report.data as { counts: Record<string, number> }).counts).toMatchObject({ doneOnTime: 1, inProgressOnTime: 1, inProgressOverdue: 0, doneLate: 0 });
    await recordHistory(directiveWorkflowId(directiveId), 'directive-with-compiled-reports');
  });

  it('publishes search attributes, so Temporal visibility filters assignments by status, stage and lead agency', async () => {
    const directiveId = `D-${randomUUID().slice(0, 8)}`;
    const id = `${directiveId}-A1`;
    await createDirective(client, worker.taskQueue, [plan(id, { deadline: inSeconds(1) })], { directiveId, timerPolicy: FAST_TIMERS });
    const query = `DondocDirective = '${directiveId}' AND DondocStatus = 'inProgressOverdue' AND DondocLeadAgency = 'BTCTU' AND DondocStage = 'received'`;
    const found = await eventually(
      async () => {
        const ids: string[] = [];
        for await (const execution of client.workflow.list({ query })) ids.push(execution.workflowId);
        return ids;
      },
      (ids) => ids.length === 1,
      20_000,
    );
    expect(found).toEqual([`assignment/${id}`]);
  });
});
