import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../../libs/local-stack/src/free-port';
import { http, TEST_ADMIN_TOKEN } from '../../support/test-app';
import { stackAddresses } from '../../support/test-stack';
import { bearer } from '../../support/tokens';
import { ONE_ASSIGNMENT } from '../../support/plans';

const apiMain = join(__dirname, '..', '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');

describe('when Temporal is unreachable', () => {
  let api: ChildProcess;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    const deadTemporal = `127.0.0.1:${await freePort()}`; // nothing listens there
    api = spawn(process.execPath, [apiMain], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: stackAddresses().databaseUrl, TEMPORAL_ADDRESS: deadTemporal, PORT: String(port), LOG_LEVEL: 'fatal', DONDOC_ADMIN_TOKEN: TEST_ADMIN_TOKEN },
      stdio: 'ignore',
    });
    url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 150; i += 1) {
      const answered = await fetch(`${url}/health`).then(() => true, () => false);
      if (answered) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the API did not start');
  });
  afterAll(() => {
    api.kill('SIGTERM');
  });

  it('reports it on /health and answers writes with 503 and Retry-After, never 500', async () => {
    const health = await http(`${url}/health`);
    expect(health.status).toBe(503);
    expect(health.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(health.body.details).toMatchObject({ postgres: { status: 'up' }, temporal: { status: 'down' } });

    const created = await http(`${url}/api/directives`, { method: 'POST', headers: bearer(TEST_ADMIN_TOKEN), body: { id: 'TB-DOWN', title: 'Không có Temporal', assignments: ONE_ASSIGNMENT } });
    expect(created.status).toBe(503);
    expect(created.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(created.headers.get('retry-after')).toBe('5');
  });
});
