import { http, type TestApp } from './test-app';

export type TestRole = 'admin' | 'supervisor' | 'agency' | 'viewer';

/** Authorization header of a bearer token. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** The admin token of the app: the one it was started with. */
export function adminToken(app: TestApp): string {
  if (!app.adminToken) throw new Error('This test app was started without DONDOC_ADMIN_TOKEN');
  return app.adminToken;
}

/** A new token of this role (and agency, for agency tokens), minted through the API with the admin token. */
export async function mintToken(app: TestApp, role: TestRole, agency?: string): Promise<string> {
  const created = await mintTokenWithId(app, role, agency);
  return created.token;
}

/** As mintToken, with the token's id (to revoke it). */
export async function mintTokenWithId(app: TestApp, role: TestRole, agency?: string): Promise<{ id: string; token: string }> {
  const response = await http(`${app.url}/api/tokens`, {
    method: 'POST',
    headers: bearer(adminToken(app)),
    body: { role, ...(agency !== undefined ? { agency } : {}), label: `e2e ${role}` },
  });
  if (response.status !== 201) throw new Error(`minting a ${role} token answered ${response.status}: ${JSON.stringify(response.body)}`);
  return { id: response.body.id, token: response.body.token };
}
