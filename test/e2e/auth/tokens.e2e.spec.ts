import { createHash, randomUUID } from 'node:crypto';
import type { Sql } from '@app/event-store';
import { http, startTestApp, type TestApp } from '../../support/test-app';
import { testDatabase } from '../../support/test-stack';
import { adminToken, bearer, mintToken } from '../../support/tokens';
import { ONE_ASSIGNMENT } from '../../support/plans';

describe('POST, GET and DELETE /api/tokens (admin)', () => {
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

  const create = (body: unknown) => http(`${app.url}/api/tokens`, { method: 'POST', headers: admin, body });

  it('mints a token, shows its secret once, and stores only its SHA-256', async () => {
    const created = await create({ role: 'agency', agency: 'UBND', label: 'Cổng UBND tỉnh' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), role: 'agency', agency: 'UBND', label: 'Cổng UBND tỉnh', token: expect.stringMatching(/^ddc_[A-Za-z0-9_-]{43}$/) });
    const { id, token } = created.body as { id: string; token: string };

    const rows = await sql`select * from api_tokens where id = ${id}`;
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));

    const listed = await http(`${app.url}/api/tokens`, { headers: admin });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual(
      expect.arrayContaining([{ id, role: 'agency', agency: 'UBND', label: 'Cổng UBND tỉnh', bootstrap: false, createdAt: expect.any(String), revokedAt: null }]),
    );
    expect(JSON.stringify(listed.body)).not.toContain(token.slice(4));
    expect(JSON.stringify(listed.body)).not.toContain(rows[0].token_hash);

    const asAgency = await http(`${app.url}/api/agencies`, { headers: bearer(token) });
    expect(asAgency.status).toBe(200);
  });

  it('validates the role and the agency: required for, and only for, agency tokens, and known to the registry', async () => {
    const cases: Array<[unknown, string]> = [
      [{ role: 'agency' }, 'VALIDATION_FAILED'],
      [{ role: 'agency', agency: 'NOPE' }, 'UNKNOWN_AGENCY'],
      [{ role: 'agency', agency: 'ubnd' }, 'UNKNOWN_AGENCY'],
      // The district committees as a group: each gets its own part, the group nothing.
      [{ role: 'agency', agency: 'BTV-HTTU' }, 'VALIDATION_FAILED'],
      // A central body is escalated to, never given work: its token would see nothing.
      [{ role: 'agency', agency: 'BTCTW' }, 'VALIDATION_FAILED'],
      [{ role: 'supervisor', agency: 'UBND' }, 'VALIDATION_FAILED'],
      [{ role: 'root' }, 'VALIDATION_FAILED'],
      [{}, 'VALIDATION_FAILED'],
      [{ role: 'viewer', label: '' }, 'VALIDATION_FAILED'],
      [{ role: 'viewer', scopes: ['all'] }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const response = await create(body);
      expect({ body, status: response.status, code: response.body.code }).toEqual({ body, status: 400, code });
      expect(response.body).toEqual(expect.objectContaining({ statusCode: 400, message: expect.any(String) }));
    }
    const before = await sql`select count(*)::int as n from api_tokens`;
    await create({ role: 'agency', agency: 'NOPE' });
    expect(await sql`select count(*)::int as n from api_tokens`).toEqual(before);
  });

  it('mints tokens of every role, each acting as its role', async () => {
    const supervisor = await mintToken(app, 'supervisor');
    const id = `TB-${randomUUID().slice(0, 8)}`;
    const created = await http(`${app.url}/api/directives`, { method: 'POST', headers: bearer(supervisor), body: { id, title: 'Chỉ đạo của Ban Thường vụ', assignments: ONE_ASSIGNMENT } });
    expect(created.status).toBe(201);
    const newAdmin = await mintToken(app, 'admin');
    expect((await http(`${app.url}/api/tokens`, { headers: bearer(newAdmin) })).status).toBe(200);
  });

  it('revokes with DELETE (204, twice is fine); an unknown id is 404; the DONDOC_ADMIN_TOKEN token is not revocable', async () => {
    const created = await create({ role: 'viewer' });
    const url = `${app.url}/api/tokens/${created.body.id}`;
    expect((await http(url, { method: 'DELETE', headers: admin })).status).toBe(204);
    expect((await http(url, { method: 'DELETE', headers: admin })).status).toBe(204);
    const listed = await http(`${app.url}/api/tokens`, { headers: admin });
    expect(listed.body.find((token: { id: string }) => token.id === created.body.id)).toMatchObject({ revokedAt: expect.any(String) });

    for (const id of [randomUUID(), 'not-a-uuid']) {
      const missing = await http(`${app.url}/api/tokens/${id}`, { method: 'DELETE', headers: admin });
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('NOT_FOUND');
    }

    const bootstrap = listed.body.find((token: { bootstrap: boolean; revokedAt: string | null }) => token.bootstrap && token.revokedAt === null);
    expect(bootstrap).toMatchObject({ role: 'admin' });
    const refused = await http(`${app.url}/api/tokens/${bootstrap.id}`, { method: 'DELETE', headers: admin });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('TOKEN_NOT_REVOCABLE');
    expect((await http(`${app.url}/api/tokens`, { headers: admin })).status).toBe(200);
  });
});
