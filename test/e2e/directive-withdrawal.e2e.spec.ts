import { randomUUID } from 'node:crypto';
import { connect, type Sql } from '@app/event-store';
import { http, startTestApp, type TestApp } from '../support/test-app';
import { stackAddresses } from '../support/test-stack';
import { adminToken, bearer, mintToken } from '../support/tokens';

const FAR = { kind: 'date', date: '2099-12-31' };

describe('POST /api/directives/:id/withdraw', () => {
  let app: TestApp;
  let sql: Sql;
  let supervisor: string;
  let lead: string;
  let viewer: string;

  beforeAll(async () => {
    app = await startTestApp();
    sql = connect(stackAddresses().databaseUrl, { max: 1 });
    supervisor = await mintToken(app, 'supervisor');
    lead = await mintToken(app, 'agency', 'BTCTU');
    viewer = await mintToken(app, 'viewer');
  });
  afterAll(async () => {
    await sql.end({ timeout: 5 });
    await app.close();
  });

  const get = (path: string, token: string) => http(`${app.url}${path}`, { headers: bearer(token) });
  const withdraw = (directiveId: string, token: string, body: unknown, key?: string) =>
    http(`${app.url}/api/directives/${encodeURIComponent(directiveId)}/withdraw`, { method: 'POST', headers: { ...bearer(token), ...(key && { 'idempotency-key': key }) }, body });

  /** A directive of a single assignment led by BTCTU and an "each of" for two districts. */
  async function directive(): Promise<string> {
    const id = `TB-${randomUUID().slice(0, 8)}`;
    const created = await http(`${app.url}/api/directives`, {
      method: 'POST',
      headers: bearer(supervisor),
      body: {
        id,
        title: 'Thông báo kết luận ban hành nhầm',
        assignments: [
          { key: 'A1', text: 'Rà soát hồ sơ cán bộ', kind: 'single', agencies: [{ agency: 'BTCTU', role: 'lead' }], deadline: FAR },
          { key: 'A2', text: 'Báo cáo tình hình cơ sở', kind: 'eachOf', agencies: [{ agency: 'BTV-HUONGSON', role: 'lead' }, { agency: 'BTV-CANLOC', role: 'lead' }], deadline: FAR },
        ],
      },
    });
    expect(created.status).toBe(201);
    return id;
  }

  it('withdraws the directive and its open assignments for a supervisor; a keyed retry gets the same answer, another withdrawal 409', async () => {
    const id = await directive();
    const reason = 'Ban hành nhầm; thay thế bằng Thông báo số 145-TB/TU';
    expect(await withdraw(id, lead, { reason })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await withdraw(id, viewer, { reason })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await withdraw(id, supervisor, {})).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', message: expect.stringContaining('reason is required') } });
    expect(await withdraw(id, supervisor, { reason: '   ' })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(await withdraw(`NOPE-${randomUUID()}`, supervisor, { reason })).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });

    const key = `withdraw-${randomUUID()}`;
    // Sent in NFD, stored and answered in NFC.
    const answer = await withdraw(id, supervisor, { reason: reason.normalize('NFD') }, key);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      directiveId: id,
      withdrawn: true,
      withdrawal: { reason, at: expect.any(String) },
      version: 2,
      withdrawnAssignments: [`${id}-A1`, `${id}-A2`],
      alreadyClosedAssignments: [],
    });
    expect(await withdraw(id, supervisor, { reason: reason.normalize('NFD') }, key)).toMatchObject({ status: 200, body: answer.body });
    expect(await withdraw(id, supervisor, { reason: 'Lý do khác' }, key)).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(await withdraw(id, supervisor, { reason })).toMatchObject({ status: 409, body: { code: 'DIRECTIVE_WITHDRAWN' } });
    expect(await withdraw(id, supervisor, { reason }, `again-${randomUUID()}`)).toMatchObject({ status: 409, body: { code: 'DIRECTIVE_WITHDRAWN' } });

    const read = await get(`/api/directives/${id}`, supervisor);
    expect(read.body).toMatchObject({ directiveId: id, withdrawn: true, withdrawal: answer.body.withdrawal, version: 2 });
    expect(read.body.assignments.map((a: { id: string; stage: string }) => [a.id, a.stage])).toEqual(expect.arrayContaining([[`${id}-A1`, 'withdrawn'], [`${id}-A2`, 'withdrawn']]));
    expect((await get('/api/directives', supervisor)).body.find((d: { directiveId: string }) => d.directiveId === id)).toMatchObject({ withdrawn: true });
    // Each assignment's withdrawal records the supervisor's token, as a withdrawal of its own would.
    const timeline = await get(`/api/assignments/${id}-A1/timeline`, supervisor);
    expect(timeline.body.events.at(-1)).toMatchObject({ type: 'AssignmentWithdrawn', data: { reason }, actor: { kind: 'supervisor' }, tokenId: (await get('/api/me', supervisor)).body.tokenId });
    await eventually(async () => (await get(`/api/assignments/${id}-A2.BTV-CANLOC`, supervisor)).body.stage === 'withdrawn');
  });

  it('lets an admin withdraw too, and answers a keyed retry whose first answer was lost with that withdrawal', async () => {
    const id = await directive();
    const admin = adminToken(app);
    const key = `withdraw-${randomUUID()}`;
    const first = await withdraw(id, admin, { reason: 'Đã có văn bản thay thế' }, key);
    expect(first).toMatchObject({ status: 200, body: { withdrawn: true, withdrawnAssignments: [`${id}-A1`, `${id}-A2`] } });
    // As if the first try had answered 503 (no answer stored) and the withdrawal had gone through after it.
    await sql`update idempotency_keys set response = null where key = ${key}`;
    expect(await withdraw(id, admin, { reason: 'Đã có văn bản thay thế' }, key)).toMatchObject({ status: 200, body: first.body });
  });

  it('is documented with its answer and errors', async () => {
    const doc = (await http(`${app.url}/docs-json`)).body;
    const responses = doc.paths['/api/directives/{id}/withdraw'].post.responses;
    expect(responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/DirectiveWithdrawalResultView' });
    expect(Object.keys(responses)).toEqual(expect.arrayContaining(['400', '401', '403', '404', '409', '422', '503']));
    expect(doc.components.schemas.DirectiveWithdrawalResultView.required).toEqual(['directiveId', 'withdrawn', 'withdrawal', 'version', 'withdrawnAssignments', 'alreadyClosedAssignments']);
  });
});

async function eventually(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the condition never held');
}
