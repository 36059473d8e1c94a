// EventStore.append against a plain single-row insert loop on the same PostgreSQL: both are bound by the commit.
import { DEFAULT_TIMER_POLICY, type AssignmentCommand } from '@app/domain';
import { connect, EventStore, type NewEvent } from '@app/event-store';
import { dondocProjector } from '@app/read-models';
import type { Ctx } from '../context';
import type { Report } from '../report';
import { closedLoop, decideInOrder, latencyStats, progress, round } from '../support';

const LEVELS = [1, 16];

/** The three appends of an assignment's first steps (create, acknowledge, research), as the domain decides them. */
function assignmentBatches(assignmentId: string): NewEvent[][] {
  const at = new Date().toISOString();
  const commands: AssignmentCommand[] = [
    { type: 'CreateAssignment', assignmentId, directiveId: 'BENCH-APPEND', kind: 'single', text: 'Bench append', agencies: [{ agency: 'BTCTU', role: 'lead' }], deadline: { kind: 'date', date: '2099-12-31' }, timerPolicy: DEFAULT_TIMER_POLICY, at, actor: { kind: 'supervisor' } },
    { type: 'Acknowledge', at, actor: { kind: 'agency', agency: 'BTCTU' } },
    { type: 'RecordResearch', note: 'Đang tổng hợp ý kiến các sở, ngành', at, actor: { kind: 'agency', agency: 'BTCTU' } },
  ];
  return decideInOrder(commands);
}

export async function runAppend(ctx: Ctx, report: Report): Promise<{ appendWithProjectionsP50: number }> {
  const sql = connect(ctx.stack.databaseUrl, { max: 20 });
  try {
    await sql`create table if not exists bench_insert (id bigserial primary key, payload jsonb not null, at timestamptz not null default now())`;
    const settings = await sql<{ name: string; setting: string }[]>`select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'wal_sync_method', 'commit_delay', 'shared_buffers', 'max_connections')`;
    const bare = new EventStore(sql);
    const projected = new EventStore(sql, new Map(), dondocProjector());
    const context = { occurredAt: new Date().toISOString(), actor: { kind: 'system' }, correlationId: ctx.runId, causationId: null };
    const payload = { type: 'ResearchRecorded', data: { agency: 'BTCTU', role: 'lead', note: 'Đang tổng hợp ý kiến các sở, ngành', at: new Date().toISOString() } };
    const n = ctx.sizes.appends;
    const results: Record<string, { perSecond: number; latency: ReturnType<typeof latencyStats> }> = {};
    const measure = async (name: string, clients: number, op: (client: number, i: number) => Promise<unknown>): Promise<number> => {
      const t0 = performance.now();
      const latencies = await closedLoop(clients, n, op);
      const perSecond = n / ((performance.now() - t0) / 1000);
      results[`${name}, concurrency ${clients}`] = { perSecond: round(perSecond, 1), latency: latencyStats(latencies) };
      return perSecond;
    };
    const section = 'Event append (one event per transaction)';
    for (const clients of LEVELS) {
      progress(`append: concurrency ${clients}, ${n} each (single-row insert; EventStore.append bare; with dondoc's projections)`);
      const tag = `${ctx.runId}-c${clients}`;
      const insert = await measure('single-row insert', clients, () => sql`insert into bench_insert (payload) values (${sql.json(payload)})`);
      const store = await measure('EventStore.append, no projections', clients, (_, i) => bare.append(`bench-${tag}-${i}`, 0, [{ type: payload.type, data: payload.data, schemaVersion: 1 }], context));
      // Create, acknowledge, research: a third of the appends each, one stream per three.
      const batches = Array.from({ length: Math.ceil(n / 3) }, (_, s) => assignmentBatches(`BENCH-APPEND-${tag}-${s}`));
      const perStream = await measure('EventStore.append + projections', clients, async (_, i) => {
        const s = i % batches.length;
        const step = Math.floor(i / batches.length);
        // Streams advance one step per pass, so the same stream is never appended to twice at once.
        if (step < 3) await projected.append(`assignment-BENCH-APPEND-${tag}-${s}`, step, batches[s][step], context);
      });
      report.add({ section, metric: `EventStore.append, concurrency ${clients}`, unit: '/s', dondoc: round(store, 1), baseline: round(insert, 1) });
      report.add({ section, metric: `EventStore.append + projections, concurrency ${clients}`, unit: '/s', dondoc: round(perStream, 1), baseline: round(insert, 1) });
    }
    report.details.append = { appendsPerLevel: n, results, settings: Object.fromEntries(settings.map((row) => [row.name, row.setting])) };
    return { appendWithProjectionsP50: results['EventStore.append + projections, concurrency 1'].latency.p50 };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
