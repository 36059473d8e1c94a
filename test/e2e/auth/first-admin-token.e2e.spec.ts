import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { http, startTestApp, type TestApp } from '../../support/test-app';
import { stackAddresses } from '../../support/test-stack';
import { bearer } from '../../support/tokens';

const PRINTED = /\[dondoc\] admin token \(shown once\): (ddc_[A-Za-z0-9_-]{43})\n/g;

/** A database of its own on the test server: "first boot" needs one without any token. */
async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = stackAddresses().databaseUrl;
  const name = `dondoc_first_boot_${randomUUID().replace(/-/g, '')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const printedTokens = (apps: TestApp[]): string[] => apps.flatMap((app) => [...app.apiOutput().matchAll(PRINTED)].map((match) => match[1]));

describe('the first admin token, without DONDOC_ADMIN_TOKEN', () => {
  jest.setTimeout(120_000);
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const apps: TestApp[] = [];
  beforeAll(async () => (database = await freshDatabase()));
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await database.drop();
  });

  it('is generated on the first boot of an empty database and printed once, by one process only, and never again', async () => {
    const env = { DATABASE_URL: database.url, DONDOC_ADMIN_TOKEN: '' };
    // Two APIs booting together on the same empty database: exactly one of them prints a token.
    const first = await Promise.all([startTestApp(env), startTestApp(env)]);
    apps.push(...first);
    expect(first.map((app) => app.adminToken)).toEqual([undefined, undefined]);
    const printed = printedTokens(first);
    expect(printed).toHaveLength(1);
    const [token] = printed;
    for (const app of first) {
      const listed = await http(`${app.url}/api/tokens`, { headers: bearer(token) });
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual([expect.objectContaining({ role: 'admin', bootstrap: false, revokedAt: null })]);
    }

    await Promise.all(first.map((app) => app.close()));
    const again = await startTestApp(env);
    apps.push(again);
    expect(printedTokens([again])).toEqual([]);
    expect(again.apiOutput()).not.toContain('admin token');
    expect((await http(`${again.url}/api/tokens`, { headers: bearer(token) })).status).toBe(200);

    // The only admin token cannot revoke itself: nobody could manage tokens until a restart. With another, it can.
    const [only] = (await http(`${again.url}/api/tokens`, { headers: bearer(token) })).body as { id: string }[];
    const refused = await http(`${again.url}/api/tokens/${only.id}`, { method: 'DELETE', headers: bearer(token) });
    expect([refused.status, refused.body.code]).toEqual([409, 'LAST_ADMIN_TOKEN']);
    const second = await http(`${again.url}/api/tokens`, { method: 'POST', headers: bearer(token), body: { role: 'admin', label: 'Quản trị viên thứ hai' } });
    expect(second.status).toBe(201);
    expect((await http(`${again.url}/api/tokens/${only.id}`, { method: 'DELETE', headers: bearer(token) })).status).toBe(204);
    expect((await http(`${again.url}/api/tokens`, { headers: bearer(second.body.token) })).status).toBe(200);
  });

  it('is DONDOC_ADMIN_TOKEN when set: nothing printed, and changing the variable retires the previous one', async () => {
    const configured = `ddc_configured-${randomUUID()}`;
    const withVariable = await startTestApp({ DATABASE_URL: database.url, DONDOC_ADMIN_TOKEN: configured });
    apps.push(withVariable);
    expect(withVariable.apiOutput()).not.toContain('admin token');
    expect((await http(`${withVariable.url}/api/tokens`, { headers: bearer(configured) })).status).toBe(200);
    await withVariable.close();

    const rotated = `ddc_rotated-${randomUUID()}`;
    const afterRotation = await startTestApp({ DATABASE_URL: database.url, DONDOC_ADMIN_TOKEN: rotated });
    apps.push(afterRotation);
    expect((await http(`${afterRotation.url}/api/tokens`, { headers: bearer(rotated) })).status).toBe(200);
    expect((await http(`${afterRotation.url}/api/tokens`, { headers: bearer(configured) })).status).toBe(401);
  });
});
