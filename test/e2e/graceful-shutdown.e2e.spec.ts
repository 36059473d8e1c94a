import { randomUUID } from 'node:crypto';
import { openSse } from './events/sse-client';
import { http, startTestApp, type TestApp } from '../support/test-app';
import { bearer, mintToken } from '../support/tokens';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface WaitingCommand {
  app: TestApp;
  supervisor: string;
  /** The lead's acknowledgement, sent while no worker polls: its answer (status and body), or why it got none. */
  acknowledged: Promise<{ status: number; body: unknown } | string>;
}

/** An app whose worker is stopped, with a lead's acknowledgement waiting in the API for its workflow. */
async function commandWaitingInTheApi(env: Record<string, string>): Promise<WaitingCommand> {
  const app = await startTestApp(env);
  const supervisor = await mintToken(app, 'supervisor');
  const lead = await mintToken(app, 'agency', 'BTCTU');
  const id = `SD-${randomUUID().slice(0, 8)}`;
  const assignment = { key: 'A1', text: 'Rà soát chức năng, nhiệm vụ', kind: 'single', agencies: [{ agency: 'BTCTU', role: 'lead' }], deadline: { kind: 'date', date: '2099-12-31' } };
  const created = await http(`${app.url}/api/directives`, { method: 'POST', headers: bearer(supervisor), body: { id, title: 'Thông báo kết luận', assignments: [assignment] } });
  expect(created.status).toBe(201);
  await app.stopWorker();
  const acknowledged = http(`${app.url}/api/assignments/${id}-A1/acknowledge`, { method: 'POST', headers: { ...bearer(lead), 'idempotency-key': randomUUID() }, body: {} }).then(
    ({ status, body }) => ({ status, body }),
    (error: Error) => (error.cause as Error | undefined)?.message ?? error.message,
  );
  await sleep(1000); // the command is now waiting for its workflow
  return { app, supervisor, acknowledged };
}

describe('stopping the API (SIGTERM, Ctrl-C, a rolling deploy)', () => {
  const apps: TestApp[] = [];
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  it('refuses new connections, ends live event streams cleanly and lets a running command finish with its answer', async () => {
    // A grace long enough for a worker started cold to answer, on a slow machine too.
    const { app, supervisor, acknowledged } = await commandWaitingInTheApi({ DONDOC_UPDATE_TIMEOUT_SECONDS: '60', DONDOC_SHUTDOWN_GRACE_SECONDS: '30' });
    apps.push(app);
    const stream = await openSse(`${app.url}/api/events/stream?after=latest`, bearer(supervisor));
    expect(stream.status).toBe(200);

    const exited = app.stopApi();
    await expect(stream.next(() => false, 15_000)).rejects.toThrow('the stream ended');
    await expect(fetch(`${app.url}/health`)).rejects.toThrow();
    app.startWorker();
    expect(await acknowledged).toMatchObject({ status: 200, body: { assignment: { stage: 'research' } } });
    expect(await exited).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('cuts off a request still running after DONDOC_SHUTDOWN_GRACE_SECONDS, instead of waiting for it', async () => {
    const { app, acknowledged } = await commandWaitingInTheApi({ DONDOC_UPDATE_TIMEOUT_SECONDS: '300', DONDOC_SHUTDOWN_GRACE_SECONDS: '1' });
    apps.push(app);

    const started = Date.now();
    expect(await app.stopApi()).toEqual({ code: null, signal: 'SIGTERM' });
    expect(Date.now() - started).toBeLessThan(20_000); // far below the 300 s the command would otherwise wait
    expect(await acknowledged).toBe('other side closed');
    expect(app.apiOutput()).toContain('after the shutdown grace of 1 s; cut off');
  });
});
