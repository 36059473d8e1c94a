import { randomUUID } from 'node:crypto';
import { http, startTestApp, type TestApp } from '../../support/test-app';
import { bearer, mintToken } from '../../support/tokens';
import { ONE_ASSIGNMENT } from '../../support/plans';

interface FeedEvent {
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  data: Record<string, unknown>;
  actor: unknown;
  occurredAt: string;
  position: string;
}

async function eventually<T>(attempt: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

describe('GET /api/events: the global feed, a page at a time', () => {
  let app: TestApp;
  let supervisor: Record<string, string>;
  let viewer: Record<string, string>;
  beforeAll(async () => {
    app = await startTestApp();
    supervisor = bearer(await mintToken(app, 'supervisor'));
    viewer = bearer(await mintToken(app, 'viewer'));
  });
  afterAll(() => app.close());

  /** Every page from `after` to the end. */
  async function readToEnd(after: string | undefined, limit: number): Promise<{ events: FeedEvent[]; pages: number; cursor: string | null }> {
    const events: FeedEvent[] = [];
    let cursor = after ?? null;
    for (let pages = 1; ; pages++) {
      const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { after: cursor } : {}) });
      const page = await http(`${app.url}/api/events?${query}`, { headers: viewer });
      expect(page.status).toBe(200);
      expect(page.body.events.length).toBeLessThanOrEqual(limit);
      if (page.body.events.length === 0) {
        expect(page.body.nextCursor).toBe(cursor);
        return { events, pages, cursor };
      }
      expect(page.body.nextCursor).toBe(page.body.events.at(-1).position);
      events.push(...page.body.events);
      cursor = page.body.nextCursor;
    }
  }

  it('pages through the events with the cursor: each once, in order, up to the newest', async () => {
    const start = (await readToEnd(undefined, 1000)).cursor;
    const ids = [1, 2, 3].map(() => `TB-FEED-${randomUUID().slice(0, 8)}`);
    for (const id of ids) {
      const created = await http(`${app.url}/api/directives`, { method: 'POST', headers: supervisor, body: { id, title: `Chỉ đạo ${id}`, assignments: ONE_ASSIGNMENT } });
      expect(created.status).toBe(201);
    }

    const createdOf = (events: FeedEvent[]) => events.filter((event) => event.type === 'DirectiveCreated' && ids.some((id) => event.streamId === `directive-${id}`));
    // The feed shows an event once every older transaction on the server has ended: soon, not at once.
    const { events, pages } = await eventually(async () => {
      const read = await readToEnd(start ?? undefined, 2);
      expect(createdOf(read.events)).toHaveLength(3);
      return read;
    });
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length);
    const created = createdOf(events);
    expect(created.map((event) => event.streamId)).toEqual(ids.map((id) => `directive-${id}`));
    expect(created[0]).toEqual({
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      streamId: `directive-${ids[0]}`,
      streamVersion: 1,
      type: 'DirectiveCreated',
      data: expect.objectContaining({ title: `Chỉ đạo ${ids[0]}` }),
      actor: { kind: 'supervisor' },
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      position: expect.stringMatching(/^\d+\.\d+$/),
    });

    // Reading again from the start of this test gives the same events, whatever the page size.
    const again = await readToEnd(start ?? undefined, 1000);
    expect(again.events.slice(0, events.length).map((event) => event.eventId)).toEqual(events.map((event) => event.eventId));
  });

  it('defaults to pages of 100 and starts from the first event without a cursor', async () => {
    const first = await http(`${app.url}/api/events`, { headers: supervisor });
    expect(first.status).toBe(200);
    expect(first.body.events.length).toBeGreaterThan(0);
    expect(first.body.events.length).toBeLessThanOrEqual(100);
    const one = await http(`${app.url}/api/events?limit=1`, { headers: supervisor });
    expect(one.body.events).toEqual([first.body.events[0]]);
  });

  it('answers 400 to a cursor it did not hand out and to a limit outside 1..1000', async () => {
    for (const after of ['garbage', '1', '1.2.3', '-1.5', '99999999999999999999999.1']) {
      const response = await http(`${app.url}/api/events?after=${encodeURIComponent(after)}`, { headers: viewer });
      expect({ after, status: response.status, code: response.body.code }).toEqual({ after, status: 400, code: 'INVALID_CURSOR' });
    }
    for (const limit of ['0', '1001', 'abc', '1.5']) {
      const response = await http(`${app.url}/api/events?limit=${limit}`, { headers: viewer });
      expect({ limit, status: response.status, code: response.body.code, message: response.body.message }).toEqual({ limit, status: 400, code: 'VALIDATION_FAILED', message: 'limit must be a whole number from 1 to 1000' });
    }
  });

  it('is for supervisors, admins and viewers, not agencies', async () => {
    const agency = await http(`${app.url}/api/events`, { headers: bearer(await mintToken(app, 'agency', 'UBND')) });
    expect(agency.status).toBe(403);
    expect((await http(`${app.url}/api/events?limit=1`, { headers: bearer(await mintToken(app, 'admin')) })).status).toBe(200);
  });
});
