import { randomUUID } from 'node:crypto';
import { http, startTestApp, type TestApp } from '../../support/test-app';
import { adminToken, bearer, mintToken, mintTokenWithId } from '../../support/tokens';
import { openSse, type SseConnection } from './sse-client';
import { ONE_ASSIGNMENT } from '../../support/plans';

describe('GET /api/events/stream: the feed as Server-Sent Events', () => {
  let app: TestApp;
  let supervisor: Record<string, string>;
  let viewerToken: string;
  const open: SseConnection[] = [];
  beforeAll(async () => {
    app = await startTestApp();
    supervisor = bearer(await mintToken(app, 'supervisor'));
    viewerToken = await mintToken(app, 'viewer');
  });
  afterAll(async () => {
    for (const connection of open) connection.close();
    await app.close();
  });

  async function connect(query: string, headers: Record<string, string> = {}): Promise<SseConnection> {
    const connection = await openSse(`${app.url}/api/events/stream${query}`, headers);
    open.push(connection);
    return connection;
  }

  /** `&after=` the cursor past the newest event; nothing while the feed is empty. */
  async function afterEnd(): Promise<string> {
    const cursor = await endCursor();
    return cursor ? `&after=${cursor}` : '';
  }

  async function endCursor(): Promise<string | null> {
    let cursor: string | null = null;
    for (;;) {
      const page = await http(`${app.url}/api/events?limit=1000${cursor ? `&after=${cursor}` : ''}`, { headers: supervisor });
      if (page.body.events.length === 0) return page.body.nextCursor;
      cursor = page.body.nextCursor;
    }
  }

  async function createDirective(): Promise<string> {
    const id = `TB-SSE-${randomUUID().slice(0, 8)}`;
    const created = await http(`${app.url}/api/directives`, { method: 'POST', headers: supervisor, body: { id, title: `Theo dõi trực tiếp ${id}`, assignments: ONE_ASSIGNMENT } });
    expect(created.status).toBe(201);
    return id;
  }

  const createdOf = (id: string) => (message: { event?: string; data: string }) =>
    message.event === 'DirectiveCreated' && JSON.parse(message.data).streamId === `directive-${id}`;

  it('delivers an event appended after connecting: id = cursor, event = type, data = the event', async () => {
    const stream = await connect(`?access_token=${viewerToken}${await afterEnd()}`);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toContain('text/event-stream');

    const id = await createDirective();
    const message = await stream.next(createdOf(id));
    const event = JSON.parse(message.data);
    expect(event).toMatchObject({ type: 'DirectiveCreated', streamId: `directive-${id}`, streamVersion: 1, actor: { kind: 'supervisor' } });
    expect(message.id).toBe(event.position);
  });

  it('resumes past Last-Event-ID (which wins over ?after=) with a bearer header', async () => {
    const before = await endCursor(); // null: from the first event, which also comes before ours
    const query = before ? `?after=${before}` : '';
    const first = await createDirective();
    const seen = await connect(query, bearer(viewerToken));
    const firstMessage = await seen.next(createdOf(first));
    seen.close();

    const second = await createDirective();
    const resumed = await connect(query, { ...bearer(viewerToken), 'last-event-id': firstMessage.id ?? '' });
    const next = await resumed.next((message) => message.event === 'DirectiveCreated');
    expect(JSON.parse(next.data).streamId).toBe(`directive-${second}`);
  });

  it("with after=latest, streams only what commits from then on: a page's first connection does not replay the feed", async () => {
    const before = await createDirective();
    const stream = await connect(`?access_token=${viewerToken}&after=latest`);
    const after = await createDirective();
    const first = await stream.next((message) => message.event === 'DirectiveCreated');
    expect(JSON.parse(first.data).streamId).toBe(`directive-${after}`);
    expect(before).not.toBe(after);
  });

  it('opens a stream at latest with the head as its first id, so a reconnect before any event misses nothing', async () => {
    const stream = await connect(`?access_token=${viewerToken}&after=latest`);
    const head = await stream.next((message) => message.event === 'head');
    expect(head.id).toMatch(/^\d+\.\d+$/);
    stream.close();
    const whileAway = await createDirective();
    const resumed = await connect('', { ...bearer(viewerToken), 'last-event-id': head.id ?? '' });
    const next = await resumed.next((message) => message.event === 'DirectiveCreated');
    expect(JSON.parse(next.data).streamId).toBe(`directive-${whileAway}`);
  });

  it('ends an open stream once its token is revoked (checked every 30 s)', async () => {
    const { token, id } = await mintTokenWithId(app, 'viewer');
    const stream = await connect(`?access_token=${token}&after=latest`);
    expect(stream.status).toBe(200);
    expect((await http(`${app.url}/api/tokens/${id}`, { method: 'DELETE', headers: bearer(adminToken(app)) })).status).toBe(204);
    await expect(stream.next(() => false, 40_000)).rejects.toThrow('the stream ended');
  }, 60_000);

  it('refuses missing, bad and agency tokens, and bad cursors, before streaming', async () => {
    expect((await http(`${app.url}/api/events/stream`)).status).toBe(401);
    expect((await http(`${app.url}/api/events/stream?access_token=ddc_nope`)).status).toBe(401);
    const agencyToken = await mintToken(app, 'agency', 'UBND');
    expect((await http(`${app.url}/api/events/stream?access_token=${agencyToken}`)).status).toBe(403);
    const bad = await http(`${app.url}/api/events/stream?access_token=${viewerToken}&after=garbage`);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_CURSOR');
    const badHeader = await http(`${app.url}/api/events/stream?access_token=${viewerToken}`, { headers: { 'last-event-id': 'garbage' } });
    expect(badHeader.status).toBe(400);
  });
});
