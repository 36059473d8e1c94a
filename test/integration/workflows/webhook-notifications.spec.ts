import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { assignmentWorkflowId } from '@app/contracts';
import { EventStore, type Sql } from '@app/event-store';
import { AgencyWebhookRepository, NotificationsRepository } from '@app/read-models';
import { recordHistory } from '../../support/history-fixtures';
import { signBody, SIGNATURE_HEADER } from '../../../apps/worker/src/activities/deliver-notifications.activity';
import { testClient, testDatabase, testWorker } from '../../support/test-stack';
import { agency, createDirective, eventually, FAST_TIMERS, inSeconds, plan, send, stateOf, SUPERVISOR } from '../../support/workflow-driver';

const AGENCY = 'BTGTU'; // used by no other test, so its webhook cannot disturb them
const AGENCY_SECRET = 'whsec_btgtu-own-signing-key';

interface Received {
  body: string;
  signature: string | undefined;
}

describe('notifications delivered to the agency webhook', () => {
  let sql: Sql;
  let client: Client;
  let server: Server;
  let url: string;
  const received: Received[] = [];
  let failNext = 1;

  beforeAll(async () => {
    sql = await testDatabase();
    client = await testClient();
    server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        if (failNext > 0) {
          failNext -= 1;
          response.writeHead(503).end();
          return;
        }
        received.push({ body, signature: request.headers[SIGNATURE_HEADER] as string | undefined });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/dondoc`;
    await new AgencyWebhookRepository(sql).set(AGENCY, url, AGENCY_SECRET);
  });
  afterAll(async () => {
    await new AgencyWebhookRepository(sql).remove(AGENCY);
    await new Promise((resolve) => server.close(resolve));
    await client.connection.close();
    await sql.end();
  });

  it('posts the new assignment, reminders and overdue notices signed with the agency\'s own key, retries a failed post, and records each delivery as an event', async () => {
    const worker = await testWorker();
    try {
      const id = `W-${randomUUID().slice(0, 8)}`;
      await createDirective(client, worker.taskQueue, [plan(id, { agencies: [{ agency: AGENCY, role: 'lead' }], deadline: inSeconds(2) })], { timerPolicy: FAST_TIMERS });
      const kindsOf = (list: Received[]) => list.map((r) => JSON.parse(r.body).kind as string);
      await eventually(async () => received.filter((r) => JSON.parse(r.body).assignmentId === id), (list) => kindsOf(list).includes('overdue'), 30_000);

      const mine = received.filter((r) => JSON.parse(r.body).assignmentId === id);
      // Signed with the agency's own key, not the deployment-wide one another agency could hold too.
      for (const delivery of mine) expect(delivery.signature).toBe(signBody(AGENCY_SECRET, delivery.body));
      expect(kindsOf(mine)).toEqual(expect.arrayContaining(['assigned', 'reminder', 'overdue']));
      expect(JSON.parse(mine[0].body)).toMatchObject({ kind: 'assigned', message: expect.stringMatching(/^Giao nhiệm vụ/) });
      expect(JSON.parse(mine.find((r) => JSON.parse(r.body).kind === 'reminder')?.body ?? '{}').message).toMatch(/^Nhắc việc/);

      const inbox = await new NotificationsRepository(sql).inbox(AGENCY, { limit: 50 });
      const assigned = inbox.items.find((n) => n.assignmentId === id && n.kind === 'assigned');
      expect(assigned?.deliveryAttempts).toBeGreaterThanOrEqual(2); // the first post got a 503
      const reminder = inbox.items.find((n) => n.assignmentId === id && n.kind === 'reminder');
      expect(reminder?.deliveredAt).not.toBeNull();
      const recorded = await new EventStore(sql).readStream(`notification-${reminder?.notificationId}`);
      expect(recorded.map((e) => e.type)).toEqual(['NotificationDelivered']);
      expect(recorded[0].data).toMatchObject({ agency: AGENCY, url });
    } finally {
      await worker.shutdown();
    }
  });

  it('posts the supervisor\'s decisions on the agency\'s work too, and no notice of the agency\'s own steps', async () => {
    const worker = await testWorker();
    try {
      const id = `W-${randomUUID().slice(0, 8)}`;
      await createDirective(client, worker.taskQueue, [plan(id, { agencies: [{ agency: AGENCY, role: 'lead' }] })]);
      await eventually(() => stateOf(client, id), (s) => s?.stage === 'received');
      const lead = agency(AGENCY);
      await send(client, id, { type: 'Acknowledge' }, lead);
      await send(client, id, { type: 'SubmitProposal', summary: 'Đề xuất chính sách', beyondProvincialCompetence: false }, lead);
      await send(client, id, { type: 'ReviewProposal', decision: 'return', comment: 'Bổ sung số liệu' }, SUPERVISOR);
      const kinds = async () => received.filter((r) => JSON.parse(r.body).assignmentId === id).map((r) => JSON.parse(r.body).kind as string);
      expect(await eventually(kinds, (list) => list.includes('proposalReturned'), 30_000)).toEqual(['assigned', 'proposalReturned']);
      const returned = received.find((r) => JSON.parse(r.body).assignmentId === id && JSON.parse(r.body).kind === 'proposalReturned');
      expect(JSON.parse(returned?.body ?? '{}').message).toContain('Bổ sung số liệu');
      await send(client, id, { type: 'Withdraw', reason: 'Đã giải quyết theo văn bản khác' }, SUPERVISOR);
      await eventually(kinds, (list) => list.includes('withdrawn'), 30_000);
      await client.workflow.getHandle(assignmentWorkflowId(id)).result();
      await recordHistory(assignmentWorkflowId(id), 'decisions-posted-to-webhook');
    } finally {
      await worker.shutdown();
    }
  });

  it('schedules no delivery when no agency of the assignment has a webhook: the notices wait in the inbox', async () => {
    const worker = await testWorker();
    try {
      const id = `W-${randomUUID().slice(0, 8)}`;
      const lead = `NOHOOK-${randomUUID().slice(0, 6)}`;
      await createDirective(client, worker.taskQueue, [plan(id, { agencies: [{ agency: lead, role: 'lead' }], deadline: inSeconds(2) })], { timerPolicy: FAST_TIMERS });
      const inbox = await eventually(() => new NotificationsRepository(sql).inbox(lead, { limit: 50 }), (page) => page.items.some((n) => n.kind === 'overdue'), 30_000);
      expect(inbox.items.map((n) => n.kind)).toEqual(expect.arrayContaining(['reminder', 'overdue']));
      expect(inbox.items.every((n) => n.deliveredAt === null)).toBe(true);
      const history = await client.workflow.getHandle(assignmentWorkflowId(id)).fetchHistory();
      expect((history.events ?? []).filter((e) => e.activityTaskScheduledEventAttributes)).toEqual([]);
    } finally {
      await worker.shutdown();
    }
  });

  it('keeps firing its deadlines while a webhook is down, also when its history continues as new', async () => {
    const down = 'BNCTU'; // a webhook nothing listens on, for this test only
    await new AgencyWebhookRepository(sql).set(down, 'http://127.0.0.1:9/hooks/down');
    const worker = await testWorker();
    try {
      const id = `W-${randomUUID().slice(0, 8)}`;
      await createDirective(client, worker.taskQueue, [plan(id, { agencies: [{ agency: down, role: 'lead' }], deadline: inSeconds(2) })], { timerPolicy: FAST_TIMERS, historyLimit: 12 });
      const handle = client.workflow.getHandle(assignmentWorkflowId(id));
      const firstRun = (await handle.describe()).runId;
      // The reminder, the overdue mark and the three escalation levels, each pending delivery as the next falls due.
      const stored = await eventually(
        async () => (await new EventStore(sql).readStream(`assignment-${id}`)).map((e) => e.type),
        (types) => types.filter((type) => type === 'EscalatedToLevel').length === 3,
        30_000,
      );
      expect(stored).toEqual(expect.arrayContaining(['ReminderSent', 'MarkedOverdue']));
      expect((await handle.describe()).runId).not.toBe(firstRun);
    } finally {
      await worker.shutdown();
      await new AgencyWebhookRepository(sql).remove(down);
    }
  });

  it('does not follow a webhook\'s redirect (to an internal address, say): the delivery fails and says why', async () => {
    const internal: string[] = [];
    const inside = createServer((request, response) => {
      internal.push(request.url ?? '');
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => inside.listen(0, '127.0.0.1', resolve));
    const redirecting = createServer((_request, response) => {
      response.writeHead(307, { location: `http://127.0.0.1:${(inside.address() as AddressInfo).port}/internal-admin` }).end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    const lead = 'BNCTU';
    await new AgencyWebhookRepository(sql).set(lead, `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/hooks`);
    const worker = await testWorker();
    try {
      const id = `W-${randomUUID().slice(0, 8)}`;
      await createDirective(client, worker.taskQueue, [plan(id, { agencies: [{ agency: lead, role: 'lead' }], deadline: inSeconds(2) })], { timerPolicy: FAST_TIMERS });
      const inbox = await eventually(
        () => new NotificationsRepository(sql).inbox(lead, { limit: 50 }),
        (page) => page.items.some((n) => n.assignmentId === id && n.lastError !== null),
        30_000,
      );
      const failed = inbox.items.find((n) => n.assignmentId === id && n.lastError !== null);
      expect(failed?.lastError).toContain('redirects are not followed');
      expect(failed?.deliveredAt).toBeNull();
      expect(internal).toEqual([]);
    } finally {
      await worker.shutdown();
      await new AgencyWebhookRepository(sql).remove(lead);
      await Promise.all([inside, redirecting].map((server) => new Promise((resolve) => server.close(resolve))));
    }
  });
});
