import { randomUUID } from 'node:crypto';
import { ASSIGNMENT_STAGES, ASSIGNMENT_STATUSES } from '@app/domain';
import { noticeWith, readSeed } from '../fixtures/notices/notice-fixtures';
import { http, startTestApp, type HttpResult, type TestApp } from '../support/test-app';
import { adminToken, bearer, mintToken } from '../support/tokens';

/** The part of OpenAPI 3.0's schema object the API's document uses. */
interface Schema {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
}

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const FAR = { kind: 'date', date: '2099-12-31' };

/**
 * The OpenAPI document is what agencies write their clients from: every route under /api says what it answers, and
 * what the API answers is what the document says, field by field (none undeclared, none required and missing).
 */
describe('the OpenAPI document describes every answer', () => {
  let app: TestApp;
  let doc: OpenApiDocument;
  let supervisor: string;
  let lead: string;
  let district: string;

  beforeAll(async () => {
    app = await startTestApp();
    doc = (await http(`${app.url}/docs-json`)).body as OpenApiDocument;
    supervisor = await mintToken(app, 'supervisor');
    lead = await mintToken(app, 'agency', 'BTCTU');
    district = await mintToken(app, 'agency', 'BTV-HUONGSON');
  });
  afterAll(() => app.close());

  const operations = (): { route: string; operation: Operation }[] =>
    Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, item]) => METHODS.filter((method) => item[method]).map((method) => ({ route: `${method.toUpperCase()} ${path}`, operation: item[method] })));

  it('gives every operation under /api/ a success response with a schema (a 204 has no body to describe)', () => {
    expect(operations().length).toBeGreaterThan(25);
    const undescribed = operations()
      .filter(({ operation }) => {
        const successes = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        const described = successes.filter(([status, response]) => status === '204' || Object.values(response.content ?? {}).some(({ schema }) => schema?.$ref || schema?.type || schema?.allOf));
        return described.length === 0 || described.length < successes.length;
      })
      .map(({ route }) => route);
    expect(undescribed).toEqual([]);
  });

  it('gives every error response under /api/ the one error body, and every route its 401', () => {
    const untyped = operations().flatMap(({ route, operation }) =>
      Object.entries(operation.responses ?? {})
        .filter(([status]) => /^[45]\d\d$/.test(status))
        .filter(([, response]) => !Object.values(response.content ?? {}).some(({ schema }) => schema?.$ref === '#/components/schemas/ErrorBodyView'))
        .map(([status]) => `${route} ${status}`),
    );
    expect(untyped).toEqual([]);
    expect(operations().filter(({ operation }) => !operation.responses?.['401']).map(({ route }) => route)).toEqual([]);
    expect(doc.components.schemas.ErrorBodyView.required).toEqual(expect.arrayContaining(['statusCode', 'code', 'message']));
  });

  it('names the key fields of an assignment, with the domain values of its enums', () => {
    const view = doc.components.schemas.AssignmentView;
    const properties = view.properties ?? {};
    expect(Object.keys(properties)).toEqual(
      expect.arrayContaining(['id', 'directiveId', 'kind', 'stage', 'status', 'agencies', 'lead', 'coordinators', 'dueAt', 'originalDueAt', 'adjustedDueAt', 'pendingExtensionDueAt', 'overdueLevel', 'tracks', 'stageDeadlines', 'dueOnDayOff', 'pendingExtensionOnDayOff', 'centralCompetence', 'version']),
    );
    expect(view.required).toEqual(expect.arrayContaining(['tracks', 'dueOnDayOff', 'pendingExtensionOnDayOff', 'centralCompetence', 'version']));
    expect(view.required).not.toContain('stageDeadlines');
    expect(properties.stage.enum).toEqual([...ASSIGNMENT_STAGES]);
    expect(properties.status.enum).toEqual([...ASSIGNMENT_STATUSES]);
    expect(properties.kind.enum).toEqual(['single', 'eachOf', 'track']);
    expect(properties.tracks.nullable).toBe(true);
    expect(properties.pendingExtensionDueAt).toMatchObject({ type: 'string', format: 'date-time', nullable: true });
    const stepAnswer = doc.paths['/api/assignments/{id}/acknowledge'].post.responses?.['200'].content?.['application/json'].schema;
    expect(stepAnswer).toEqual({ $ref: '#/components/schemas/StepResultView' });
    expect(doc.components.schemas.StepResultView.required).toEqual(['assignment', 'version', 'events']);
  });

  it('states the limits of text fields the API refuses past, required or optional as validated', () => {
    const { EscalateDto, ReviewDto } = doc.components.schemas;
    expect(EscalateDto.properties?.summary).toMatchObject({ type: 'string', minLength: 1, maxLength: 20_000 });
    expect(EscalateDto.properties?.centralBody).toMatchObject({ minLength: 1, maxLength: 500 });
    expect(EscalateDto.required).toEqual(expect.arrayContaining(['summary', 'centralBody']));
    expect(ReviewDto.properties?.comment).toMatchObject({ minLength: 1, maxLength: 20_000 });
    expect(ReviewDto.required ?? []).not.toContain('comment');
  });

  it('answers as documented: directives, assignments and their tracks, steps, timelines, escalations, the matrix and the inbox', async () => {
    const get = (path: string, token: string) => http(`${app.url}${path}`, { headers: bearer(token) });
    const post = (path: string, token: string, body: unknown = {}) => http(`${app.url}${path}`, { method: 'POST', headers: bearer(token), body });
    const asText = (token: string) => ({ ...bearer(token), 'content-type': 'text/plain; charset=utf-8' });
    const checked: string[] = [];
    const conforms = (method: string, path: string, answer: HttpResult, status: number) => {
      expect([method, path, answer.status]).toEqual([method, path, status]);
      const schema = doc.paths[path]?.[method]?.responses?.[String(status)]?.content?.['application/json']?.schema;
      if (!schema) throw new Error(`${method.toUpperCase()} ${path} documents no ${status} answer`);
      expect([`${method.toUpperCase()} ${path} ${status}`, violations(doc, schema, answer.body, 'body')]).toEqual([`${method.toUpperCase()} ${path} ${status}`, []]);
      checked.push(`${method.toUpperCase()} ${path} ${status}`);
    };

    const directiveId = `TB-${randomUUID().slice(0, 8)}`;
    const body = {
      id: directiveId,
      title: 'Thông báo kết luận Hội nghị ngày 22/3/2023',
      issuedOn: '2023-03-22',
      assignments: [
        {
          key: 'A1',
          text: 'Nghiên cứu và đề xuất các chính sách thu hút cán bộ trẻ',
          kind: 'single',
          agencies: [{ agency: 'BTCTU', role: 'lead' }, { agency: 'DDHDND', role: 'coordinator' }],
          deadline: FAR,
          stageDeadlines: { acknowledge: { kind: 'date', date: '2099-06-30' } },
        },
        { key: 'A2', text: 'Rà soát, tổng hợp, báo cáo những bất cập của cơ sở', kind: 'eachOf', agencies: [{ agency: 'BTV-HUONGSON', role: 'lead' }, { agency: 'BTV-CANLOC', role: 'lead' }], deadline: FAR, centralCompetence: true },
      ],
    };
    conforms('post', '/api/directives', await post('/api/directives', supervisor, body), 201);
    conforms('post', '/api/directives', await post('/api/directives', supervisor, body), 200);
    const single = `${directiveId}-A1`;
    const parent = `${directiveId}-A2`;
    const track = `${parent}.BTV-HUONGSON`;
    await eventually(async () => (await get(`/api/assignments/${track}`, supervisor)).status === 200);

    conforms('post', '/api/assignments/{id}/acknowledge', await post(`/api/assignments/${single}/acknowledge`, lead), 200);
    conforms('post', '/api/assignments/{id}/extension', await post(`/api/assignments/${single}/extension`, lead, { reason: 'Chờ ý kiến Trung ương', newDueAt: '2100-06-30T00:00:00.000Z' }), 200);
    conforms('post', '/api/assignments/{id}/acknowledge', await post(`/api/assignments/${parent}/acknowledge`, district), 200);
    conforms('post', '/api/assignments/{id}/extension', await post(`/api/assignments/${parent}/extension`, district, { reason: 'Chờ số liệu', newDueAt: '2100-03-31T00:00:00.000Z' }), 200);

    for (const id of [single, parent, track]) {
      conforms('get', '/api/assignments/{id}', await get(`/api/assignments/${id}`, supervisor), 200);
      conforms('get', '/api/assignments/{id}', await get(`/api/assignments/${id}?consistent=true`, supervisor), 200);
      conforms('get', '/api/assignments/{id}/timeline', await get(`/api/assignments/${id}/timeline`, supervisor), 200);
    }
    const parentRead = await get(`/api/assignments/${parent}`, supervisor);
    expect(parentRead.body.tracks.tracks.find((t: { agency: string }) => t.agency === 'BTV-HUONGSON')).toMatchObject({ pendingExtensionDueAt: '2100-03-31T00:00:00.000Z', pendingExtensionOnDayOff: false });
    expect((await get(`/api/assignments/${single}`, supervisor)).body.stageDeadlines).toMatchObject({ acknowledge: { reached: true, missed: false } });
    // An agency reading an "each of" assignment sees its own track's clock: the same shape.
    conforms('get', '/api/assignments/{id}', await get(`/api/assignments/${parent}`, district), 200);
    conforms('get', '/api/assignments/{id}', await get(`/api/assignments/${parent}?consistent=true`, district), 200);
    conforms('get', '/api/assignments', await get(`/api/assignments?directive=${directiveId}&limit=2`, supervisor), 200);
    conforms('get', '/api/assignments', await get(`/api/assignments?directive=${directiveId}`, district), 200);
    conforms('get', '/api/directives/{id}', await get(`/api/directives/${directiveId}`, supervisor), 200);
    conforms('get', '/api/directives/{id}', await get(`/api/directives/${directiveId}`, district), 200);
    conforms('get', '/api/directives', await get('/api/directives', supervisor), 200);

    await eventually(async () => (await get(`/api/escalations?directive=${directiveId}`, supervisor)).body.items.length >= 2);
    conforms('get', '/api/escalations', await get(`/api/escalations?directive=${directiveId}&limit=1`, supervisor), 200);
    conforms('get', '/api/escalations', await get(`/api/escalations?directive=${directiveId}`, lead), 200);
    conforms('get', '/api/reports/status', await get(`/api/reports/status?directive=${directiveId}`, supervisor), 200);
    conforms('get', '/api/reports/status', await get('/api/reports/status', supervisor), 200);
    await eventually(async () => (await get('/api/inbox', lead)).body.items.length > 0);
    conforms('get', '/api/inbox', await get('/api/inbox?limit=1', lead), 200);
    conforms('get', '/api/inbox', await get('/api/inbox', district), 200);
    conforms('get', '/api/events', await get('/api/events?limit=50', supervisor), 200);

    conforms('post', '/api/directives/import', await http(`${app.url}/api/directives/import?dryRun=true`, { method: 'POST', headers: asText(supervisor), body: readSeed() }), 200);
    // Dated a day of its own: another notice of BTVTU's on a day that has one already is refused (SIMILAR_DIRECTIVE_EXISTS).
    const onItsDay = (item: string) => noticeWith([item]).replace('Ngày 22/3/2023', 'Ngày 12/4/2099');
    const notice = onItsDay(`- Ban Tổ chức Tỉnh ủy chủ trì, phối hợp Văn phòng Tỉnh ủy rà soát hồ sơ ${randomUUID()}, báo cáo trước ngày 30/12/2099.`);
    conforms('post', '/api/directives/import', await http(`${app.url}/api/directives/import`, { method: 'POST', headers: asText(supervisor), body: notice }), 201);
    conforms('post', '/api/directives/import', await http(`${app.url}/api/directives/import`, { method: 'POST', headers: asText(supervisor), body: notice }), 200);
    const another = onItsDay('- Ban Tuyên giáo Tỉnh ủy tuyên truyền kết quả hội nghị.');
    conforms('post', '/api/directives/import', await http(`${app.url}/api/directives/import`, { method: 'POST', headers: asText(supervisor), body: another }), 409);

    conforms('get', '/health', await http(`${app.url}/health`), 200);
    conforms('get', '/api/me', await get('/api/me', lead), 200);
    conforms('get', '/api/agencies', await get('/api/agencies', lead), 200);
    conforms('get', '/api/tokens', await get('/api/tokens', adminToken(app)), 200);
    // Errors too: the one body, with or without details.
    conforms('get', '/api/assignments/{id}', await get(`/api/assignments/NOPE-${randomUUID()}`, supervisor), 404);
    conforms('get', '/api/assignments', await get('/api/assignments?limit=abc', supervisor), 400);
    conforms('post', '/api/assignments/{id}/report', await post(`/api/assignments/${single}/report`, lead, { summary: 'Quá sớm' }), 409);
    conforms('get', '/api/reports/status', await get('/api/reports/status', lead), 403);
    const reads = operations().filter(({ route }) => route.startsWith('GET ') && route !== 'GET /api/events/stream').map(({ route }) => `${route} 200`);
    expect(reads.filter((read) => !checked.includes(read))).toEqual([]);
  });
});

async function eventually(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the condition never held');
}

/** What of `value` the schema does not describe: undeclared or missing fields, wrong types, values outside an enum. */
function violations(doc: OpenApiDocument, schema: Schema, value: unknown, at: string): string[] {
  if (schema.$ref) return violations(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')], value, at);
  if (value === null) return schema.nullable ? [] : [`${at} is null`];
  if (schema.allOf) return schema.allOf.flatMap((part) => violations(doc, part, value, at));
  if (schema.oneOf) return schema.oneOf.some((part) => violations(doc, part, value, at).length === 0) ? [] : [`${at} matches none of its forms`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at} is ${JSON.stringify(value)}, not one of ${JSON.stringify(schema.enum)}`];
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return [`${at} is not a string`];
      if (schema.format === 'date-time' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return [`${at} is not an ISO instant: ${value}`];
      if (schema.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return [`${at} is not a date: ${value}`];
      return [];
    case 'number':
    case 'integer':
      return typeof value === 'number' ? [] : [`${at} is not a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at} is not a boolean`];
    case 'array':
      return Array.isArray(value) ? value.flatMap((item, index) => (schema.items ? violations(doc, schema.items, item, `${at}[${index}]`) : [])) : [`${at} is not an array`];
    default: {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at} is not an object`];
      const record = value as Record<string, unknown>;
      const properties = schema.properties ?? {};
      const missing = (schema.required ?? []).filter((key) => !(key in record)).map((key) => `${at}.${key} is missing`);
      const fields = Object.entries(record).flatMap(([key, field]) => {
        if (properties[key]) return violations(doc, properties[key], field, `${at}.${key}`);
        if (typeof schema.additionalProperties === 'object') return violations(doc, schema.additionalProperties, field, `${at}.${key}`);
        return schema.additionalProperties === true ? [] : [`${at}.${key} is not documented`];
      });
      return [...missing, ...fields];
    }
  }
}
