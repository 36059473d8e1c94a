import { randomUUID } from 'node:crypto';
import { http, startTestApp, type TestApp } from '../../support/test-app';
import { adminToken, bearer, mintToken } from '../../support/tokens';

type Caller = 'none' | 'admin' | 'supervisor' | 'viewer' | 'ownAgency' | 'foreignAgency';
/** allowed: the role passes authorization (the answer may still be a 2xx, 400 or 409 from the rules); else the exact status. */
type Expect = 'allowed' | 401 | 403 | 404;

const COMMANDS: [string, unknown][] = [
  ['acknowledge', {}],
  ['research', { note: 'Ghi chú' }],
  ['propose', { summary: 'Đề xuất', beyondProvincialCompetence: false }],
  ['review', { decision: 'accept' }],
  ['escalate', { centralBody: 'Ban Bí thư', summary: 'Kiến nghị' }],
  ['centre-response', { response: 'Trả lời' }],
  ['report', { summary: 'Báo cáo' }],
  ['confirm', {}],
  ['reject', { comment: 'Chưa đạt' }],
  ['extension', { reason: 'Cần thêm thời gian', newDueAt: '2099-01-01T00:00:00.000Z' }],
  ['extension-decision', { decision: 'approve' }],
  ['withdraw', { reason: 'Thu hồi' }],
];
const AGENCY_COMMANDS = new Set(['acknowledge', 'research', 'propose', 'escalate', 'report', 'extension']);

function expected(caller: Caller, endpoint: string): Expect {
  if (caller === 'none') return 401;
  const command = endpoint.startsWith('POST ') ? endpoint.split('/').at(-1)! : undefined;
  // The role is checked first (403 says nothing about the assignment), then whether the agency is named on it.
  if (command && caller === 'viewer') return 403;
  if (command && (caller === 'ownAgency' || caller === 'foreignAgency') && !AGENCY_COMMANDS.has(command)) return 403;
  if (caller === 'foreignAgency' && endpoint !== 'GET list') return 404;
  return 'allowed';
}

describe('authorization matrix: each role × each assignment endpoint × own and foreign assignment', () => {
  let app: TestApp;
  const tokens = {} as Record<Exclude<Caller, 'none'>, string>;
  let id = '';

  beforeAll(async () => {
    app = await startTestApp();
    tokens.admin = adminToken(app);
    tokens.supervisor = await mintToken(app, 'supervisor');
    tokens.viewer = await mintToken(app, 'viewer');
    tokens.ownAgency = await mintToken(app, 'agency', 'BTCTU');
    tokens.foreignAgency = await mintToken(app, 'agency', 'BDVTU');
    const directiveId = `TB-${randomUUID().slice(0, 8)}`;
    const created = await http(`${app.url}/api/directives`, {
      method: 'POST',
      headers: bearer(tokens.supervisor),
      body: { id: directiveId, title: 'Ma trận phân quyền', assignments: [{ key: 'A1', text: 'Nhiệm vụ', kind: 'single', agencies: [{ agency: 'BTCTU', role: 'lead' }], deadline: { kind: 'date', date: '2099-12-31' } }] },
    });
    expect(created.status).toBe(201);
    id = `${directiveId}-A1`;
  });
  afterAll(() => app.close());

  const endpoints: [string, (token: string | undefined) => Promise<number>][] = [
    ['GET list', async (token) => (await http(`${app.url}/api/assignments`, { headers: token ? bearer(token) : {} })).status],
    ['GET one', async (token) => (await http(`${app.url}/api/assignments/${id}`, { headers: token ? bearer(token) : {} })).status],
    ['GET timeline', async (token) => (await http(`${app.url}/api/assignments/${id}/timeline`, { headers: token ? bearer(token) : {} })).status],
    ...COMMANDS.map(([command, body]): [string, (token: string | undefined) => Promise<number>] => [
      `POST /${command}`,
      async (token) => (await http(`${app.url}/api/assignments/${id}/${command}`, { method: 'POST', headers: token ? bearer(token) : {}, body })).status,
    ]),
  ];

  it('answers every combination as the rules say, and never with a 500', async () => {
    const callers: Caller[] = ['none', 'viewer', 'foreignAgency', 'ownAgency', 'supervisor', 'admin'];
    const mismatches: string[] = [];
    for (const caller of callers) {
      for (const [endpoint, call] of endpoints) {
        const status = await call(caller === 'none' ? undefined : tokens[caller]);
        const want = expected(caller, endpoint);
        const ok = want === 'allowed' ? ![401, 404].includes(status) && status < 500 && !(status === 403 && caller !== 'ownAgency' && caller !== 'admin' && caller !== 'supervisor') : status === want;
        if (!ok) mismatches.push(`${caller} ${endpoint}: ${status}, expected ${want}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
