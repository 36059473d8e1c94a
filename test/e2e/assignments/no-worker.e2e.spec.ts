import { randomUUID } from 'node:crypto';
import { http, startTestApp, type TestApp } from '../../support/test-app';
import { bearer, mintToken } from '../../support/tokens';

describe('a command while no worker polls the task queue', () => {
  let app: TestApp;
  let supervisor: string;
  let lead: string;

  beforeAll(async () => {
    app = await startTestApp({ DONDOC_UPDATE_TIMEOUT_SECONDS: '2' });
    supervisor = await mintToken(app, 'supervisor');
    lead = await mintToken(app, 'agency', 'BTCTU');
  });
  afterAll(() => app.close());

  it('answers 503 with Retry-After once DONDOC_UPDATE_TIMEOUT_SECONDS pass, and a keyed retry gets the one outcome once a worker is back', async () => {
    const id = `TB-${randomUUID().slice(0, 8)}`;
    const agencies = [{ agency: 'BTCTU', role: 'lead' }];
    const created = await http(`${app.url}/api/directives`, { method: 'POST', headers: bearer(supervisor), body: { id, title: 'Thông báo kết luận', assignments: [{ key: 'A1', text: 'Rà soát chức năng, nhiệm vụ', kind: 'single', agencies, deadline: { kind: 'date', date: '2099-12-31' } }] } });
    expect(created.status).toBe(201);
    await app.stopWorker();
    const key = { 'idempotency-key': `ack-${randomUUID()}` };
    const started = Date.now();
    const waiting = await http(`${app.url}/api/assignments/${id}-A1/acknowledge`, { method: 'POST', headers: { ...bearer(lead), ...key }, body: {} });
    expect(waiting).toMatchObject({ status: 503, body: { code: 'SERVICE_UNAVAILABLE' } });
    expect(waiting.headers.get('retry-after')).toBe('5');
    expect(Date.now() - started).toBeLessThan(30_000);
    app.startWorker();
    let retried = waiting;
    for (let attempt = 0; attempt < 30 && retried.status === 503; attempt += 1) {
      retried = await http(`${app.url}/api/assignments/${id}-A1/acknowledge`, { method: 'POST', headers: { ...bearer(lead), ...key }, body: {} });
    }
    expect(retried).toMatchObject({ status: 200, body: { assignment: { stage: 'research' }, version: 2 } });
    const timeline = await http(`${app.url}/api/assignments/${id}-A1/timeline`, { headers: bearer(supervisor) });
    expect((timeline.body.events as { type: string }[]).map((e) => e.type)).toEqual(['AssignmentCreated', 'AssignmentAcknowledged']);
  });
});
