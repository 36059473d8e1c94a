import { randomUUID } from 'node:crypto';
import { connect, type Sql } from '@app/event-store';
import { rebuildProjections } from '@app/read-models';
import { stackAddresses } from '../support/test-stack';
import { http, startTestApp, type TestApp } from '../support/test-app';
import { bearer, mintToken } from '../support/tokens';

describe('rebuilding the read models while the system runs', () => {
  let app: TestApp;
  let sql: Sql;
  let supervisor: string;
  let lead: string;

  beforeAll(async () => {
    app = await startTestApp();
    sql = connect(stackAddresses().databaseUrl, { max: 2 });
    supervisor = await mintToken(app, 'supervisor');
    lead = await mintToken(app, 'agency', 'BTCTU');
  });
  afterAll(async () => {
    await sql.end();
    await app.close();
  });

  const post = (path: string, token: string, body: unknown = {}) => http(`${app.url}${path}`, { method: 'POST', headers: bearer(token), body });
  const get = (path: string, token: string) => http(`${app.url}${path}`, { headers: bearer(token) });

  it('answers reads and commands during a rebuild, and the rebuilt read models hold what they did', async () => {
    const directiveId = `TB-${randomUUID().slice(0, 8)}`;
    const assignment = (key: string) => ({ key, text: 'Rà soát chức năng, nhiệm vụ của các cơ quan tham mưu', kind: 'single', agencies: [{ agency: 'BTCTU', role: 'lead' }], deadline: { kind: 'date', date: '2099-12-31' } });
    const created = await post('/api/directives', supervisor, { id: directiveId, title: 'Thông báo kết luận về sắp xếp tổ chức bộ máy', issuedOn: '2023-03-22', assignments: ['A1', 'A2'].map(assignment) });
    expect(created.status).toBe(201);
    const [first, second] = [`${directiveId}-A1`, `${directiveId}-A2`];

    // Once the rebuild has replayed what was there: a rebuild that held the tables or the appends would stall here.
    let during: unknown;
    await rebuildProjections(sql, {
      beforeCatchUp: async () => {
        const acknowledged = await post(`/api/assignments/${first}/acknowledge`, lead);
        const listed = await get(`/api/assignments?directive=${directiveId}`, supervisor);
        during = { acknowledged: acknowledged.status, listed: listed.body.items.map((item: { id: string; stage: string }) => [item.id, item.stage]) };
      },
    });
    expect(during).toEqual({ acknowledged: 200, listed: [[first, 'research'], [second, 'received']] });

    // The step taken during the rebuild is in the rebuilt tables, and the API and the worker go on with them.
    expect((await get(`/api/assignments/${first}`, supervisor)).body).toMatchObject({ stage: 'research', version: 2 });
    expect((await post(`/api/assignments/${second}/acknowledge`, lead)).status).toBe(200);
    expect((await get(`/api/assignments?directive=${directiveId}`, lead)).body.items.map((item: { stage: string }) => item.stage)).toEqual(['research', 'research']);
  });
});
