import { http, startTestApp, type TestApp } from '../../support/test-app';
import { adminToken, bearer, mintToken } from '../../support/tokens';

describe('request limits', () => {
  describe('body size (DONDOC_BODY_LIMIT, 1mb by default)', () => {
    let app: TestApp;
    let supervisor: Record<string, string>;
    beforeAll(async () => {
      app = await startTestApp();
      supervisor = bearer(await mintToken(app, 'supervisor'));
    });
    afterAll(() => app.close());

    it('answers an oversized body with 413 PAYLOAD_TOO_LARGE in the one error shape', async () => {
      const body = JSON.stringify({ id: 'TB-BIG', title: 'x'.repeat(1024 * 1024) });
      const response = await http(`${app.url}/api/directives`, { method: 'POST', headers: { ...supervisor, 'content-type': 'application/json' }, body });
      expect(response.status).toBe(413);
      expect(response.body).toEqual({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) });
    });

    it('answers malformed JSON with 400 in the one error shape', async () => {
      const response = await http(`${app.url}/api/tokens`, { method: 'POST', headers: { ...bearer(adminToken(app)), 'content-type': 'application/json' }, body: '{"role":' });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.any(String) });
    });
  });

  describe('a directive too large for one workflow payload (possible only with DONDOC_BODY_LIMIT raised)', () => {
    let app: TestApp;
    beforeAll(async () => (app = await startTestApp({ DONDOC_BODY_LIMIT: '8mb' })));
    afterAll(() => app.close());

    it('answers 413 DIRECTIVE_TOO_LARGE and creates nothing', async () => {
      const supervisor = bearer(await mintToken(app, 'supervisor'));
      const assignments = Array.from({ length: 120 }, (_, i) => ({
        key: `A${i + 1}`,
        text: `Rà soát, đánh giá việc thực hiện nhiệm vụ số ${i + 1}. `.repeat(300),
        kind: 'single',
        agencies: [{ agency: 'BTCTU', role: 'lead' }],
        deadline: { kind: 'date', date: '2099-12-31' },
      }));
      const response = await http(`${app.url}/api/directives`, { method: 'POST', headers: supervisor, body: { id: 'TB-HUGE', title: 'Quá lớn', assignments } });
      expect(response.status).toBe(413);
      expect(response.body).toEqual({ statusCode: 413, code: 'DIRECTIVE_TOO_LARGE', message: expect.stringContaining('Split it into several directives') });
      expect((await http(`${app.url}/api/directives/TB-HUGE`, { headers: supervisor })).status).toBe(404);
    });
  });

  describe('rate (DONDOC_RATE_LIMIT_PER_MINUTE per token)', () => {
    let app: TestApp;
    beforeAll(async () => (app = await startTestApp({ DONDOC_RATE_LIMIT_PER_MINUTE: '5' })));
    afterAll(() => app.close());

    it('answers 429 RATE_LIMITED with Retry-After past the limit, counting each token on its own', async () => {
      const admin = bearer(adminToken(app));
      const viewer = bearer(await mintToken(app, 'viewer')); // the admin's 1st request
      for (let i = 1; i <= 5; i++) {
        const response = await http(`${app.url}/api/agencies`, { headers: viewer });
        expect({ request: i, status: response.status }).toEqual({ request: i, status: 200 });
      }
      // Over all routes together, not per route.
      const limited = await http(`${app.url}/api/directives`, { headers: viewer });
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({ statusCode: 429, code: 'RATE_LIMITED', message: expect.any(String) });
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);

      expect((await http(`${app.url}/api/agencies`, { headers: admin })).status).toBe(200); // the admin's 2nd
    });
  });
});
