import { randomUUID } from 'node:crypto';
import { freePort } from '../../libs/local-stack/src/free-port';
import { http, startTestApp, type TestApp } from '../support/test-app';
import { bearer, mintToken } from '../support/tokens';
import { ONE_ASSIGNMENT } from '../support/plans';

describe('DONDOC_WORKER_METRICS_ADDRESS: the worker serves the SDK metrics to Prometheus', () => {
  let api: TestApp;
  let metricsUrl: string;
  beforeAll(async () => {
    const address = `127.0.0.1:${await freePort()}`;
    metricsUrl = `http://${address}/metrics`;
    api = await startTestApp({ DONDOC_WORKER_METRICS_ADDRESS: address });
  });
  afterAll(() => api.close());

  it("exposes the worker's task slots and the latency of the appends it ran for a new directive", async () => {
    const id = `TM-${randomUUID().slice(0, 8)}`;
    const created = await http(`${api.url}/api/directives`, { method: 'POST', headers: bearer(await mintToken(api, 'supervisor')), body: { id, title: 'Thông báo kết luận', assignments: ONE_ASSIGNMENT } });
    expect(created.status).toBe(201);
    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(new RegExp(`temporal_worker_task_slots_available\\{[^}]*task_queue="${api.taskQueue}"[^}]*worker_type="WorkflowWorker"`));
    const appends = text.match(new RegExp(`temporal_local_activity_execution_latency_count\\{activity_type="appendToStreams"[^}]*task_queue="${api.taskQueue}"[^}]*\\} (\\d+)`));
    expect(Number(appends?.[1])).toBeGreaterThanOrEqual(1);
  });
});
