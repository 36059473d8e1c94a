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
      expect(response.body).toEqual({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/^The body \(1,048,\d{3} bytes\) is over this API's limit of 1,048,576 bytes \(DONDOC_BODY_LIMIT/) });
    });

    it('answers malformed JSON with 400 in the one error shape', async () => {
      const response = await http(`${app.url}/api/tokens`, { method: 'POST', headers: { ...bearer(adminToken(app)), 'content-type': 'application/json' }, body: '{"role":' });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.any(String) });
    });
  });

  describe('directives larger than one Temporal payload (possible only with DONDOC_BODY_LIMIT raised)', () => {
    let app: TestApp;
    let supervisor: Record<string, string>;
    beforeAll(async () => {
      app = await startTestApp({ DONDOC_BODY_LIMIT: '8mb' });
      supervisor = bearer(await mintToken(app, 'supervisor'));
    });
    afterAll(() => app.close());

    const plans = (count: number, text: (i: number) => string) =>
      Array.from({ length: count }, (_, i) => ({ key: `A${i + 1}`, text: text(i), kind: 'single', agencies: [{ agency: 'BTCTU', role: 'lead' }], deadline: { kind: 'date', date: '2099-12-31' } }));

    it('creates one whose JSON is over 2 MB but compresses below the limit, every assignment text intact', async () => {
      const text = (i: number) => `Rà soát, đánh giá việc thực hiện nhiệm vụ số ${i + 1}. `.repeat(300).trim();
      const assignments = plans(120, text);
      expect(Buffer.byteLength(JSON.stringify(assignments))).toBeGreaterThan(2 * 1024 * 1024);
      const created = await http(`${app.url}/api/directives`, { method: 'POST', headers: supervisor, body: { id: 'TB-LARGE', title: 'Lớn nhưng nén được', assignments } });
      expect(created.status).toBe(201);
      expect(created.body.assignmentIds).toHaveLength(120);
      const last = await http(`${app.url}/api/assignments/TB-LARGE-A120`, { headers: supervisor });
      expect(last.status).toBe(200);
      expect(last.body.text.length).toBe(text(119).length);
      expect(last.body.text).toBe(text(119));
    });

    it('answers 413 DIRECTIVE_TOO_LARGE for one that stays too large compressed, and creates nothing', async () => {
      let seed = 1;
      const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
      const random = () => ((seed = (seed * 48271) % 2147483647), seed / 2147483647);
      const noise = (length: number) => Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join('');
      const assignments = plans(200, () => noise(15_000));
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

  describe('unknown tokens (DONDOC_AUTH_FAILURES_PER_MINUTE per address)', () => {
    let app: TestApp;
    beforeAll(async () => (app = await startTestApp({ DONDOC_AUTH_FAILURES_PER_MINUTE: '3' })));
    afterAll(() => app.close());

    it('refuses an address that keeps presenting made-up tokens, a new one each time, with 429 and Retry-After', async () => {
      const admin = bearer(adminToken(app));
      const viewer = bearer(await mintToken(app, 'viewer'));
      for (let i = 1; i <= 3; i++) {
        const response = await http(`${app.url}/api/agencies`, { headers: bearer(`ddc_made-up-${i}`) });
        expect({ attempt: i, status: response.status }).toEqual({ attempt: i, status: 401 });
      }
      const refused = await http(`${app.url}/api/agencies`, { headers: bearer('ddc_made-up-4') });
      expect(refused.status).toBe(429);
      expect(refused.body).toEqual({ statusCode: 429, code: 'RATE_LIMITED', message: expect.stringContaining('unknown or revoked tokens') });
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect((await http(`${app.url}/api/agencies`, { headers: bearer('ddc_made-up-5') })).status).toBe(429);
      // A token that authenticated lately still works from there (a shared gateway); a new one waits out the minute.
      expect((await http(`${app.url}/api/agencies`, { headers: admin })).status).toBe(200);
      expect((await http(`${app.url}/api/agencies`, { headers: viewer })).status).toBe(429);
    });
  });
});
