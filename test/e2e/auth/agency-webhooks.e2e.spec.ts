import { loadMigrations, type Sql } from '@app/event-store';
import { http, startTestApp, type TestApp } from '../../support/test-app';
import { testDatabase } from '../../support/test-stack';
import { adminToken, bearer, mintToken } from '../../support/tokens';

// agency_webhooks belongs to the webhook delivery work; these endpoints only write it. Until a migration
// creates it, there is nothing to test against.
const tableExists = loadMigrations().some((migration) => /create table (if not exists )?agency_webhooks\b/i.test(migration.sql));

(tableExists ? describe : describe.skip)('PUT and DELETE /api/agencies/:code/webhook (admin)', () => {
  let app: TestApp;
  let sql: Sql;
  let admin: Record<string, string>;
  beforeAll(async () => {
    app = await startTestApp();
    sql = await testDatabase();
    admin = bearer(adminToken(app));
  });
  afterAll(async () => {
    await app.close();
    await sql.end();
  });

  const put = (code: string, body: unknown, headers = admin) => http(`${app.url}/api/agencies/${code}/webhook`, { method: 'PUT', headers, body });
  const remove = (code: string) => http(`${app.url}/api/agencies/${code}/webhook`, { method: 'DELETE', headers: admin });

  it('stores, replaces and removes an agency\'s webhook URL', async () => {
    const first = await put('VPTU', { url: 'https://vptu.example.org/hook' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ agency: 'VPTU', url: 'https://vptu.example.org/hook', secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/) });
    // Each agency signs with a key of its own, new with every PUT and answered only then.
    const second = await put('VPTU', { url: 'http://127.0.0.1:9999/hook' });
    expect(second.status).toBe(200);
    expect(second.body.secret).not.toBe(first.body.secret);
    expect(await sql`select agency, url, secret from agency_webhooks where agency = 'VPTU'`).toEqual([{ agency: 'VPTU', url: 'http://127.0.0.1:9999/hook', secret: second.body.secret }]);

    expect((await remove('VPTU')).status).toBe(204);
    expect(await sql`select agency from agency_webhooks where agency = 'VPTU'`).toEqual([]);
    expect((await remove('VPTU')).status).toBe(404);
  });

  it('refuses unknown agencies (404), agencies never given work and bad URLs (400), and other roles (403)', async () => {
    expect((await put('NOPE', { url: 'https://example.org/hook' })).status).toBe(404);
    for (const url of ['not a url', 'ftp://example.org/hook', 'javascript:alert(1)', '']) {
      const response = await put('UBND', { url });
      expect({ url, status: response.status }).toEqual({ url, status: 400 });
    }
    expect((await put('UBND', {})).status).toBe(400);
    // Never given work, so never notified: a central body, a group whose members each get their own part.
    for (const code of ['TW', 'BTV-HTTU']) {
      const response = await put(code, { url: 'https://example.org/hook' });
      expect({ code, status: response.status, field: response.body.details?.field }).toEqual({ code, status: 400, field: 'code' });
    }
    const agency = bearer(await mintToken(app, 'agency', 'UBND'));
    expect((await put('UBND', { url: 'https://example.org/hook' }, agency)).status).toBe(403);
  });
});
