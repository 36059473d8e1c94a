import { http, startTestApp, type TestApp } from '../../support/test-app';
import { adminToken, bearer } from '../../support/tokens';

describe('the API’s logs keep no bearer token', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp({ LOG_LEVEL: 'debug' })));
  afterAll(() => app.close());

  it('logs requests (debug logs every one) without the Authorization header or the stream’s ?access_token=', async () => {
    const token = adminToken(app);
    expect((await http(`${app.url}/api/agencies`, { headers: bearer(token) })).status).toBe(200);
    const stream = await fetch(`${app.url}/api/events/stream?access_token=${token}`);
    expect(stream.status).toBe(200);
    await stream.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const output = app.apiOutput();
    expect(output).toContain('/api/agencies');
    expect(output).toContain('access_token=[redacted]');
    expect(output).not.toContain(token);
  });
});
