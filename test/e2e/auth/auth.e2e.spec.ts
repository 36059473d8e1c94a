import { randomUUID } from 'node:crypto';
import { AGENCIES } from '@app/agencies';
import { http, startTestApp, type TestApp } from '../../support/test-app';
import { adminToken, bearer, mintToken, mintTokenWithId } from '../../support/tokens';

describe('bearer tokens: who may call at all, and who may do what', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app.close());

  const expectUnauthenticated = (response: Awaited<ReturnType<typeof http>>): void => {
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: expect.any(String) });
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  };

  it('answers 401 UNAUTHENTICATED without a token, with another scheme, or with a token it does not know', async () => {
    for (const path of ['/api/agencies', '/api/directives', '/api/events', '/api/tokens']) {
      expectUnauthenticated(await http(`${app.url}${path}`));
    }
    expectUnauthenticated(await http(`${app.url}/api/agencies`, { headers: { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` } }));
    expectUnauthenticated(await http(`${app.url}/api/agencies`, { headers: bearer(`ddc_${randomUUID()}`) }));
    expectUnauthenticated(await http(`${app.url}/api/agencies`, { headers: bearer(`${adminToken(app)}x`) }));
    expectUnauthenticated(await http(`${app.url}/api/directives`, { method: 'POST', body: { id: 'TB-NO-TOKEN', title: 'x', assignments: [] } }));
  });

  it('takes ?access_token= on the event stream only, not on other routes', async () => {
    expectUnauthenticated(await http(`${app.url}/api/agencies?access_token=${adminToken(app)}`));
    expectUnauthenticated(await http(`${app.url}/api/tokens?access_token=${adminToken(app)}`));
  });

  it('answers 401 once a token is revoked', async () => {
    const viewer = await mintTokenWithId(app, 'viewer');
    expect((await http(`${app.url}/api/agencies`, { headers: bearer(viewer.token) })).status).toBe(200);
    const revoked = await http(`${app.url}/api/tokens/${viewer.id}`, { method: 'DELETE', headers: bearer(adminToken(app)) });
    expect(revoked.status).toBe(204);
    expectUnauthenticated(await http(`${app.url}/api/agencies`, { headers: bearer(viewer.token) }));
  });

  it('keeps /health public', async () => {
    const health = await http(`${app.url}/health`);
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
  });

  it('answers 403 FORBIDDEN to a role the route does not allow', async () => {
    const viewer = bearer(await mintToken(app, 'viewer'));
    const agency = bearer(await mintToken(app, 'agency', 'UBND'));
    const supervisor = bearer(await mintToken(app, 'supervisor'));
    const forbidden = [
      await http(`${app.url}/api/directives`, { method: 'POST', headers: viewer, body: { id: `TB-${randomUUID().slice(0, 8)}`, title: 'Viewers only read', assignments: [] } }),
      await http(`${app.url}/api/directives`, { method: 'POST', headers: agency, body: { id: `TB-${randomUUID().slice(0, 8)}`, title: 'Agencies do not issue', assignments: [] } }),
      await http(`${app.url}/api/tokens`, { headers: agency }),
      await http(`${app.url}/api/tokens`, { method: 'POST', headers: agency, body: { role: 'admin' } }),
      await http(`${app.url}/api/tokens`, { method: 'POST', headers: supervisor, body: { role: 'admin' } }),
      await http(`${app.url}/api/tokens`, { headers: viewer }),
      await http(`${app.url}/api/events`, { headers: agency }),
      await http(`${app.url}/api/agencies/UBND/webhook`, { method: 'PUT', headers: supervisor, body: { url: 'https://example.org/hook' } }),
    ];
    for (const response of forbidden) {
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ statusCode: 403, code: 'FORBIDDEN', message: expect.any(String) });
    }
  });

  it('lets every role read the agency registry', async () => {
    for (const role of ['admin', 'supervisor', 'viewer'] as const) {
      const response = await http(`${app.url}/api/agencies`, { headers: bearer(await mintToken(app, role)) });
      expect(response.status).toBe(200);
    }
    const agencies = await http(`${app.url}/api/agencies`, { headers: bearer(await mintToken(app, 'agency', 'BTVTU')) });
    expect(agencies.status).toBe(200);
    expect(agencies.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'BTVTU', name: expect.any(String), shortNames: expect.any(Array), level: 'provincial', kind: 'party' }),
        expect.objectContaining({ code: 'BTV-HUONGSON', parent: expect.any(String), level: 'district' }),
      ]),
    );
    expect(agencies.body.map((agency: { code: string }) => agency.code)).toEqual(AGENCIES.map((agency) => agency.code));
  });
});
