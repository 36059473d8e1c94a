import { randomUUID } from 'node:crypto';
import { http, startTestApp, type TestApp } from '../support/test-app';
import { bearer, mintToken } from '../support/tokens';
import { ONE_ASSIGNMENT } from '../support/plans';

describe('HTTP against the running stack: the vertical slice', () => {
  let api: TestApp;
  let supervisor: Record<string, string>;
  beforeAll(async () => {
    api = await startTestApp();
    supervisor = bearer(await mintToken(api, 'supervisor'));
  });
  afterAll(() => api.close());

  it('GET /health reports Temporal and PostgreSQL up', async () => {
    const { status, body } = await http(`${api.url}/health`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, temporal: { status: 'up' } } });
  });

  it('POST /api/directives starts a workflow that stores the directive, and GET reads it back', async () => {
    const id = `TB-${randomUUID().slice(0, 8)}`;
    const created = await http(`${api.url}/api/directives`, { method: 'POST', headers: supervisor, body: { id, title: 'Thông báo kết luận Hội nghị ngày 22/3/2023', assignments: ONE_ASSIGNMENT } });
    expect(created.status).toBe(201);
    const read = await http(`${api.url}/api/directives/${id}`, { headers: supervisor });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ directiveId: id, title: 'Thông báo kết luận Hội nghị ngày 22/3/2023', version: 1 });
  });

  it('answers bad input with 400 and a stable code, and an unknown id with 404', async () => {
    const bad = await http(`${api.url}/api/directives`, { method: 'POST', headers: supervisor, body: { id: 'has spaces' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    // A directive with nothing assigned would take its id for nothing: refused, and the id stays free.
    const id = `TB-${randomUUID().slice(0, 8)}`;
    const empty = await http(`${api.url}/api/directives`, { method: 'POST', headers: supervisor, body: { id, title: 'Thông báo chưa có nhiệm vụ', assignments: [] } });
    expect([empty.status, empty.body.code, empty.body.message]).toEqual([400, 'VALIDATION_FAILED', expect.stringContaining('at least one assignment')]);
    expect((await http(`${api.url}/api/directives`, { method: 'POST', headers: supervisor, body: { id, title: 'Thông báo chưa có nhiệm vụ', assignments: ONE_ASSIGNMENT } })).status).toBe(201);
    const malformed = await http(`${api.url}/api/directives`, { method: 'POST', body: '{"id":', headers: { ...supervisor, 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    const missing = await http(`${api.url}/api/directives/NOPE-${randomUUID()}`, { headers: supervisor });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });

  it('serves the OpenAPI document at /docs-json and the docs at /docs, without a token', async () => {
    const { status, body } = await http(`${api.url}/docs-json`);
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/health', '/api/directives', '/api/directives/{id}', '/api/tokens', '/api/tokens/{id}', '/api/agencies', '/api/agencies/{code}/webhook', '/api/events', '/api/events/stream']),
    );
    expect(body.components.securitySchemes).toMatchObject({ bearer: { type: 'http', scheme: 'bearer' } });
    expect(body.paths['/api/tokens'].post.security).toEqual([{ bearer: [] }]);
    expect((await http(`${api.url}/docs`)).status).toBe(200);
  });
});
