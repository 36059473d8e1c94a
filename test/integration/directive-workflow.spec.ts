import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { createDirectiveUpdate, DIRECTIVE_WORKFLOW, directiveStreamId, directiveWorkflowId } from '@app/contracts';
import { EventStore, type Sql } from '@app/event-store';
import { testClient, testDatabase, testWorker } from '../support/test-stack';

describe('directive workflow on the real Temporal dev server', () => {
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

  const create = (directiveId: string) =>
    client.workflow.executeUpdateWithStart(createDirectiveUpdate, {
      args: [{ directive: { title: 'Thông báo kết luận' }, at: '2023-03-22T08:00:00.000Z', actor: { kind: 'supervisor' }, correlationId: randomUUID() }],
      startWorkflowOperation: new WithStartWorkflowOperation(DIRECTIVE_WORKFLOW, {
        workflowId: directiveWorkflowId(directiveId),
        taskQueue: worker.taskQueue,
        args: [{ directiveId }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });

  it('appends DirectiveCreated to PostgreSQL through an activity, once, however often it is created', async () => {
    const id = `D-${randomUUID()}`;
    expect(await create(id)).toEqual({ directiveId: id, created: true, version: 1 });
    expect(await create(id)).toEqual({ directiveId: id, created: true, version: 1 });
    const events = await new EventStore(sql).readStream(directiveStreamId(id));
    expect(events.map((e) => [e.type, e.streamVersion])).toEqual([['DirectiveCreated', 1]]);
    expect(events[0].data).toMatchObject({ directiveId: id, title: 'Thông báo kết luận' });
    const summary = await sql`select title from directive_summary where directive_id = ${id}`;
    expect(summary[0].title).toBe('Thông báo kết luận');
  });
});
