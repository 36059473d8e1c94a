import { randomUUID } from 'node:crypto';
import { openSse } from './events/sse-client';
import { http, startTestApp, type TestApp } from '../support/test-app';
import { bearer, mintToken } from '../support/tokens';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A directive with one assignment led by BTCTU, and the worker stopped: an acknowledgement then waits in the API. */
async function assignmentWithoutWorker(app: TestApp, supervisor: string): Promise<string> {
  const id = `SD-${randomUUID().slice(0, 8)}`;
  const assignment = { key: 'A1', text: 'Rà soát chức năng, nhiệm vụ', kind: 'single', agencies: [{ agency: 'BTCTU', role: 'lead' }], deadline: { kind: 'date', date: '2099-12-31' } };
  const created = await http(`${app.url}/api/directives`, { method: 'POST', headers: bearer(supervisor), body: { id, title: 'Thông báo kết luận', assignments: [assignment] } });
  expect(created.status).toBe(201);
  await app.stopWorker();
  return `${id}-A1`;
}

describe('stopping the API (SIGTERM, Ctrl-C, a rolling deploy)', () => {
  const apps: TestApp[] = [];
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  it('refuses new connections, ends live event streams cleanly and lets a running command finish with its answer', async () => {
    // A grace long enough for a worker started cold to answer, on a slow machine too.
    const app = await startTestApp({ DONDOC_UPDATE_TIMEOUT_SECONDS: '60', DONDOC_SHUTDOWN_GRACE_SECONDS: '30' });
    apps.push(app);
    const supervisor = await mintToken(app, 'supervisor');
    const lead = await mintToken(app, 'agency', 'BTCTU');
    const assignmentId = await assignmentWithoutWorker(app, supervisor);
    const stream = await openSse(`${app.url}/api/events/stream?after=latest`, bearer(supervisor));
    expect(stream.status).toBe(200);
    const acknowledged = http(`${app.url}/api/assignments/${assignmentId}/acknowledge`, { method: 'POST', headers: { ...bearer(lead), 'idempotency-key': randomUUID() }, body: {} });
    await sleep(1000); // the command is now waiting for its workflow

    const exited = app.stopApi();
    await expect(stream.next(() => false, 15_000)).rejects.toThrow('the stream ended');
    await expect(fetch(`${app.url}/health`)).rejects.toThrow();
    app.startWorker();
    expect(await acknowledged).toMatchObject({ status: 200, body: { assignment: { stage: 'research' } } });
    expect(await exited).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('cuts off a request still running after DONDOC_SHUTDOWN_GRACE_SECONDS, instead of waiting for it', async () => {
    const app = await startTestApp({ DONDOC_UPDATE_TIMEOUT_SECONDS: '300', DONDOC_SHUTDOWN_GRACE_SECONDS: '1' });
    apps.push(app);
    const supervisor = await mintToken(app, 'supervisor');
    const lead = await mintToken(app, 'agency', 'BTCTU');
    const assignmentId = await assignmentWithoutWorker(app, supervisor);
    const acknowledged = http(`${app.url}/api/assignments/${assignmentId}/acknowledge`, { method: 'POST', headers: { ...bearer(lead), 'idempotency-key': randomUUID() }, body: {} }).then(
      (answer) => answer.status,
      (error: Error) => (error.cause as Error | undefined)?.message ?? error.message,
    );
    await sleep(1000);

    const started = Date.now();
    expect(await app.stopApi()).toEqual({ code: null, signal: 'SIGTERM' });
    expect(Date.now() - started).toBeLessThan(20_000); // far below the 300 s the command would otherwise wait
    expect(await acknowledged).toBe('other side closed');
    expect(app.apiOutput()).toContain('after the shutdown grace of 1 s; cut off');
  });
});
