import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { Connection } from '@temporalio/client';
import { assignmentWorkflowId } from '@app/contracts';
import type { ClusterState } from '../../infra/cluster/cluster';

// The production topology started by `npm run cluster --fresh` (global setup): the Temporal server on
// PostgreSQL (persistence and visibility), two workers and two API instances, all separate processes.

interface HttpResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  body: any;
}

const state: ClusterState = JSON.parse(readFileSync(process.env.DONDOC_CLUSTER_STATE ?? '', 'utf8'));
const [api1, api2] = state.apis.map((api) => api.url);
const [worker1, worker2] = state.workers;
/** The TypeScript SDK's default worker identity. */
const identityOf = (pid: number): string => `${pid}@${hostname()}`;
const admin = { authorization: `Bearer ${state.adminToken}` };

async function http(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<HttpResult> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

async function command(api: string, token: Record<string, string>, assignmentId: string, step: string, body: unknown = {}, key?: string): Promise<HttpResult> {
  const result = await http(`${api}/api/assignments/${encodeURIComponent(assignmentId)}/${step}`, {
    method: 'POST',
    headers: { ...token, ...(key ? { 'idempotency-key': key } : {}) },
    body,
  });
  if (result.status !== 200) throw new Error(`${step} through ${api} answered ${result.status}: ${JSON.stringify(result.body)}`);
  return result;
}

async function mintToken(api: string, role: 'agency' | 'supervisor', agency?: string): Promise<Record<string, string>> {
  const created = await http(`${api}/api/tokens`, { method: 'POST', headers: admin, body: { role, ...(agency ? { agency } : {}), label: `cluster e2e ${agency ?? role}` } });
  expect(created.status).toBe(201);
  return { authorization: `Bearer ${created.body.token}` };
}

/** Who completed each workflow task and activity of a workflow, in history order. */
async function servedBy(workflowId: string): Promise<{ identity: string; eventId: number; kind: 'workflowTask' | 'activity' }[]> {
  const connection = await Connection.connect({ address: state.temporal.address });
  try {
    const served: { identity: string; eventId: number; kind: 'workflowTask' | 'activity' }[] = [];
    let nextPageToken: Uint8Array | undefined;
    do {
      const page = await connection.workflowService.getWorkflowExecutionHistory({ namespace: state.temporal.namespace, execution: { workflowId }, nextPageToken });
      for (const event of page.history?.events ?? []) {
        const eventId = Number(event.eventId);
        if (event.workflowTaskCompletedEventAttributes) served.push({ identity: event.workflowTaskCompletedEventAttributes.identity ?? '', eventId, kind: 'workflowTask' });
        if (event.activityTaskStartedEventAttributes) served.push({ identity: event.activityTaskStartedEventAttributes.identity ?? '', eventId, kind: 'activity' });
      }
      nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
    } while (nextPageToken);
    return served;
  } finally {
    await connection.close();
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('dondoc on the production topology: Temporal on PostgreSQL, two workers, two API instances', () => {
  it('runs two healthy API instances on one Temporal cluster, namespace and database', async () => {
    expect(state.apis).toHaveLength(2);
    expect(state.workers).toHaveLength(2);
    for (const api of [api1, api2]) {
      const health = await http(`${api}/health`);
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, temporal: { status: 'up' } } });
    }
    const connection = await Connection.connect({ address: state.temporal.address });
    try {
      const { namespaceInfo } = await connection.workflowService.describeNamespace({ namespace: state.temporal.namespace });
      expect(namespaceInfo?.name).toBe(state.temporal.namespace);
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: state.temporal.namespace });
      expect(Object.keys(customAttributes ?? {})).toEqual(expect.arrayContaining(['DondocStage', 'DondocStatus', 'DondocLeadAgency', 'DondocDirective', 'DondocNextDue']));
    } finally {
      await connection.close();
    }
  });

  it('takes a lead+coordinator assignment to a confirmed report through both APIs while worker #1 stops mid-run, losing nothing', async () => {
    // Tokens minted through one instance work on the other: they share dondoc's database.
    const lead = await mintToken(api1, 'agency', 'BTCTU');
    const coordinator = await mintToken(api2, 'agency', 'BDVTU');
    const supervisor = await mintToken(api2, 'supervisor');

    // Directives through API #1, until some assignment's workflow is cached on (sticky to) worker #1: stopping
    // that worker must then move the workflow to worker #2 with nothing lost.
    let assignmentId: string | undefined;
    for (let attempt = 1; attempt <= 5 && !assignmentId; attempt++) {
      const directiveId = `TB-CLUSTER-${randomUUID().slice(0, 8)}`;
      const created = await http(`${api1}/api/directives`, {
        method: 'POST',
        headers: admin,
        body: {
          id: directiveId,
          title: 'Thông báo kết luận: kiểm tra vận hành cụm',
          assignments: ['A1', 'A2', 'A3', 'A4'].map((key) => ({
            key,
            text: 'Nghiên cứu và đề xuất chính sách thu hút cán bộ trẻ',
            kind: 'single',
            agencies: [{ agency: 'BTCTU', role: 'lead' }, { agency: 'BDVTU', role: 'coordinator' }],
            deadline: { kind: 'calendarDays', days: 60 },
          })),
        },
      });
      expect(created.status).toBe(201);
      for (const key of ['A1', 'A2', 'A3', 'A4']) {
        const id = `${directiveId}-${key}`;
        // Read through API #2: the projection is shared by every instance.
        await until(`assignment ${id} through API #2`, async () => ((await http(`${api2}/api/assignments/${id}`, { headers: lead })).status === 200 ? true : undefined));
        // Acknowledge through API #2 with the agency token; the same Idempotency-Key again through API #1 repeats
        // the answer and appends nothing.
        const key1 = randomUUID();
        const first = await command(api2, lead, id, 'acknowledge', {}, key1);
        const again = await command(api1, lead, id, 'acknowledge', {}, key1);
        expect(again.body).toEqual(first.body);
        const served = await servedBy(assignmentWorkflowId(id));
        if (!assignmentId && served.filter((s) => s.kind === 'workflowTask').at(-1)?.identity === identityOf(worker1.pid)) assignmentId = id;
      }
    }
    if (!assignmentId) throw new Error('no assignment workflow was ever served by worker #1');

    await command(api1, lead, assignmentId, 'research', { note: 'Đã khảo sát ý kiến 13 huyện, thành, thị' });
    await command(api2, coordinator, assignmentId, 'research', { note: 'Ban Dân vận góp ý dự thảo' });
    const before = await servedBy(assignmentWorkflowId(assignmentId));
    expect(before.map((s) => s.identity)).toContain(identityOf(worker1.pid));

    // Stop worker #1 (SIGTERM, as an orchestrator does) while a command is in flight.
    const proposing = command(api2, lead, assignmentId, 'propose', { summary: 'Đề xuất cơ chế hỗ trợ cán bộ trẻ', beyondProvincialCompetence: false });
    process.kill(worker1.pid, 'SIGTERM');
    await proposing;
    await until('worker #1 to exit', async () => (isAlive(worker1.pid) ? undefined : true), 60_000);

    await command(api1, supervisor, assignmentId, 'review', { decision: 'accept' });
    await command(api2, lead, assignmentId, 'report', { summary: 'Đã ban hành Nghị quyết về chính sách thu hút cán bộ trẻ' });
    const confirmed = await command(api1, supervisor, assignmentId, 'confirm', { comment: 'Hoàn thành' });
    expect(confirmed.body.assignment).toMatchObject({ stage: 'closed', verdict: 'onTime' });

    const read = await http(`${api2}/api/assignments/${assignmentId}`, { headers: lead });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ stage: 'closed' });

    // Every event exactly once, versions 1..n without gaps, the same through both instances.
    const timeline = await http(`${api1}/api/assignments/${assignmentId}/timeline`, { headers: admin });
    expect(timeline.status).toBe(200);
    const events: { eventId: string; version: number; type: string; data: { agency?: string } }[] = timeline.body.events;
    expect(events.map((e) => e.type)).toEqual([
      'AssignmentCreated',
      'AssignmentAcknowledged',
      'ResearchRecorded',
      'ResearchRecorded',
      'ProposalSubmitted',
      'ProposalAccepted',
      'ReportSubmitted',
      'ReportConfirmed',
    ]);
    expect(events.filter((e) => e.type === 'ResearchRecorded').map((e) => e.data.agency)).toEqual(['BTCTU', 'BDVTU']);
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    expect((await http(`${api2}/api/assignments/${assignmentId}/timeline`, { headers: admin })).body).toEqual(timeline.body);

    // Worker #1 served the workflow before it stopped; after the stop, only worker #2 did.
    const served = await servedBy(assignmentWorkflowId(assignmentId));
    const after = served.slice(before.length);
    expect(after.length).toBeGreaterThan(0);
    expect(new Set(after.slice(-4).map((s) => s.identity))).toEqual(new Set([identityOf(worker2.pid)]));
    expect(new Set(served.map((s) => s.identity))).toEqual(new Set([identityOf(worker1.pid), identityOf(worker2.pid)]));
  });
});
