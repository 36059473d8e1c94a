import { randomUUID } from 'node:crypto';
import { assignmentStreamId } from '@app/contracts';
import { DEFAULT_TIMER_POLICY, decideAssignment, EVENT_SCHEMA_VERSION, evolveAssignment, initialAssignmentState, type AssignmentCommand, type AssignmentState } from '@app/domain';
import { connect, EventStore, type Sql } from '@app/event-store';
import { dondocProjector } from '@app/read-models';
import { http, startTestApp, type TestApp } from '../../support/test-app';
import { stackAddresses } from '../../support/test-stack';
import { bearer, mintToken } from '../../support/tokens';

/**
 * An assignment the store holds and Temporal runs no workflow for: one of a large directive's, stored before its
 * workflow starts; or one finished longer ago than Temporal keeps workflows.
 */
describe('an assignment stored without a running workflow', () => {
  let app: TestApp;
  let sql: Sql;
  let store: EventStore;
  let supervisor: string;
  let lead: string;

  beforeAll(async () => {
    app = await startTestApp();
    sql = connect(stackAddresses().databaseUrl, { max: 1 });
    store = new EventStore(sql, new Map(), dondocProjector());
    supervisor = await mintToken(app, 'supervisor');
    lead = await mintToken(app, 'agency', 'BTCTU');
  });

  afterAll(async () => {
    await sql.end({ timeout: 5 });
    await app.close();
  });

  /** Stores the commands' events as the workflow would, without starting one. */
  async function storeOnly(assignmentId: string, commands: AssignmentCommand[]): Promise<void> {
    let state: AssignmentState = initialAssignmentState;
    let version = 0;
    for (const command of commands) {
      const events = decideAssignment(command, state);
      const at = command.at;
      await store.append(assignmentStreamId(assignmentId), version, events.map((e) => ({ type: e.type, data: e.data, schemaVersion: EVENT_SCHEMA_VERSION[e.type] })), { occurredAt: at, actor: command.actor, correlationId: randomUUID(), causationId: null });
      state = events.reduce(evolveAssignment, state);
      version += events.length;
    }
  }

  const create = (assignmentId: string, at: string): AssignmentCommand => ({
    type: 'CreateAssignment',
    assignmentId,
    directiveId: 'TB-NO-WORKFLOW',
    kind: 'single',
    text: 'Rà soát chức năng, nhiệm vụ của các cơ quan tham mưu',
    agencies: [{ agency: 'BTCTU', role: 'lead' }],
    deadline: { kind: 'date', date: '2099-12-31' },
    timerPolicy: DEFAULT_TIMER_POLICY,
    at,
    actor: { kind: 'supervisor' },
  });

  it('answers a command and a consistent read with 503 ASSIGNMENT_STARTING while its workflow is not started, changing nothing', async () => {
    const id = `TB-START-${randomUUID().slice(0, 8)}`;
    await storeOnly(id, [create(id, new Date().toISOString())]);
    const acknowledged = await http(`${app.url}/api/assignments/${id}/acknowledge`, { method: 'POST', headers: bearer(lead), body: {} });
    expect(acknowledged).toMatchObject({ status: 503, body: { code: 'ASSIGNMENT_STARTING' } });
    expect(acknowledged.headers.get('retry-after')).toBe('5');
    const consistent = await http(`${app.url}/api/assignments/${id}?consistent=true`, { headers: bearer(supervisor) });
    expect(consistent).toMatchObject({ status: 503, body: { code: 'ASSIGNMENT_STARTING' } });
    expect((await http(`${app.url}/api/assignments/${id}`, { headers: bearer(supervisor) })).body).toMatchObject({ stage: 'received', version: 1 });
  });

  it('answers a finished one from the projection: 409 ASSIGNMENT_WITHDRAWN to a command, its final state to a consistent read', async () => {
    const id = `TB-GONE-${randomUUID().slice(0, 8)}`;
    const at = new Date().toISOString();
    await storeOnly(id, [create(id, at), { type: 'Withdraw', reason: 'Đã sáp nhập vào nhiệm vụ khác', at, actor: { kind: 'supervisor' } }]);
    const acknowledged = await http(`${app.url}/api/assignments/${id}/acknowledge`, { method: 'POST', headers: bearer(lead), body: {} });
    expect(acknowledged).toMatchObject({ status: 409, body: { code: 'ASSIGNMENT_WITHDRAWN' } });
    const consistent = await http(`${app.url}/api/assignments/${id}?consistent=true`, { headers: bearer(supervisor) });
    expect(consistent).toMatchObject({ status: 200, body: { id, stage: 'withdrawn', status: 'withdrawn' } });
  });
});
