// The overdue list from the projections (HTTP and the repository) against the same filter through Temporal visibility.
import { AssignmentSummaryRepository } from '@app/read-models';
import type { Ctx } from '../context';
import type { Report } from '../report';
import { closedLoop, httpOk, latencyStats, progress, round, settle, waitUntil } from '../support';
import { startBaselines } from './creation';

const PAGE = 50;
const QUERY = "DondocStatus = 'inProgressOverdue'";

/** rows assignment_summary rows in one statement: a third overdue, a third due later, a third closed. */
export async function seedSummaries(ctx: Ctx, rows: number): Promise<number> {
  const t0 = performance.now();
  await ctx.sql.unsafe(
    `insert into assignment_summary (assignment_id, directive_id, parent_id, kind, stage, status, lead_agency, agencies, agency_codes,
       due_at, original_due_at, adjusted_due_at, paused, verdict, overdue_level, closed_at, summary, state, version, created_at, updated_at)
     select s.id, s.directive, null, 'single', s.stage, s.status, 'BTCTU', '[{"agency":"BTCTU","role":"lead"}]'::jsonb, array['BTCTU'],
       s.due, s.due, s.due, false, s.verdict, 0, s.closed,
       jsonb_build_object('id', s.id, 'directiveId', s.directive, 'parentId', null, 'kind', 'single', 'text', 'Bench seeded task',
         'paragraph', null, 'stage', s.stage, 'status', s.status, 'lead', 'BTCTU', 'coordinators', '[]'::jsonb,
         'agencies', '[{"agency":"BTCTU","role":"lead"}]'::jsonb, 'dueAt', s.due, 'originalDueAt', s.due, 'adjustedDueAt', s.due,
         'paused', false, 'pausedMsTotal', 0, 'pendingExtensionDueAt', null, 'verdict', s.verdict, 'overdueLevel', 0,
         'closedAt', s.closed, 'tracks', null),
       '{}'::jsonb, 1, now(), now()
     from (
       select format('BENCH-SEED-%s-D%s-A%s', $1::text, g / 100, g) as id, format('BENCH-SEED-%s-D%s', $1::text, g / 100) as directive,
         now() + ((g % 3) - 1) * interval '30 days' + (g % 1000) * interval '1 minute' as due,
         case g % 3 when 2 then 'closed' else 'research' end as stage,
         case g % 3 when 0 then 'inProgressOnTime' when 1 then 'inProgressOnTime' else 'doneOnTime' end as status,
         case g % 3 when 2 then 'onTime' else null end as verdict,
         case g % 3 when 2 then now() else null end as closed
       from generate_series(1, $2::int) as g
     ) s`,
    [ctx.runId, rows],
  );
  // A bulk load leaves work behind (autovacuum of the new rows, a checkpoint) that would otherwise run during the
  // measurement; a table in service has had both long ago.
  await ctx.sql`vacuum (analyze) assignment_summary`;
  await ctx.sql`checkpoint`;
  return performance.now() - t0;
}

export async function runOverdue(ctx: Ctx, report: Report): Promise<void> {
  const rows = ctx.sizes.overdueRows;
  progress(`overdue list: seeding ${rows.toLocaleString('en-US')} rows into assignment_summary (generate_series)`);
  const seedMs = await seedSummaries(ctx, rows);
  const [{ total, overdue }] = await ctx.sql<{ total: number; overdue: number }[]>`
    select count(*)::int as total, count(*) filter (where status not in ('doneOnTime', 'doneLate', 'withdrawn') and not paused and due_at < now())::int as overdue
    from assignment_summary`;
  progress(`overdue list: ${total} rows (${overdue} overdue) after ${Math.round(seedMs)} ms; topping visibility up to ${ctx.sizes.visibilityWorkflows} workflows`);

  // The creation run (if it ran) started baseline workflows with DondocStatus already; add the rest.
  const more = Math.max(0, ctx.sizes.visibilityWorkflows - ctx.visibility.started);
  if (more > 0) await startBaselines(ctx, 'visibility', more);
  await waitUntil(
    'visibility to list every started workflow',
    async () => (await ctx.client.workflow.count(QUERY)).count >= ctx.visibility.overdue,
    Math.max(120_000, ctx.sizes.visibilityWorkflows * 20),
    250,
  );

  const q = ctx.sizes.listQueries;
  progress(`overdue list: ${q} queries each (HTTP, then the repository, then visibility), first page of ${PAGE}`);
  const url = `${ctx.stack.apiUrl}/api/assignments?overdue=true&limit=${PAGE}`;
  const first = await httpOk(url, { token: ctx.stack.adminToken });
  if (!Array.isArray(first.body.items) || first.body.items.length !== PAGE) throw new Error(`the overdue list answered ${JSON.stringify(first.body).slice(0, 300)}`);
  const repository = new AssignmentSummaryRepository(ctx.sql);
  const list = async (): Promise<number> => {
    let seen = 0;
    for await (const _ of ctx.client.workflow.list({ query: QUERY, pageSize: PAGE })) if (++seen >= PAGE) break;
    return seen;
  };
  if ((await list()) !== PAGE) throw new Error('visibility listed fewer overdue workflows than a page');
  // Each side on its own, warmed up, once the workers are idle: the workflows started just before (and a visibility
  // query's aftermath) would otherwise land in whatever ran next.
  const samples = { http: [] as number[], repository: [] as number[], visibility: [] as number[] };
  const measure = async (into: number[], op: () => Promise<unknown>): Promise<void> => {
    await closedLoop(1, 20, op);
    await settle([ctx.stack.workerPid, ctx.stack.baselineWorkerPid, ctx.stack.serverPid]);
    into.push(...(await closedLoop(1, q, op)));
  };
  await measure(samples.http, () => httpOk(url, { token: ctx.stack.adminToken }));
  await measure(samples.repository, () => repository.list({ overdue: true, limit: PAGE, now: new Date().toISOString() }));
  await measure(samples.visibility, list);
  const http = latencyStats(samples.http);
  const repo = latencyStats(samples.repository);
  const vis = latencyStats(samples.visibility);
  const section = `Overdue list (first ${PAGE}), ${rows.toLocaleString('en-US')} projected rows vs ${ctx.sizes.visibilityWorkflows.toLocaleString('en-US')} workflows in visibility`;
  report.add({ section, metric: 'p50, GET /api/assignments?overdue=true', unit: 'ms', dondoc: http.p50, baseline: vis.p50 });
  report.add({ section, metric: 'p99, GET /api/assignments?overdue=true', unit: 'ms', dondoc: http.p99, baseline: vis.p99, target: '≤ 15 ms and ≥ 20× faster', met: http.p99 <= 15 && vis.p99 / http.p99 >= 20 });
  report.add({ section, metric: 'p99, repository (SQL only)', unit: 'ms', dondoc: repo.p99, baseline: vis.p99 });
  report.details.overdue = {
    rows,
    overdueRows: overdue,
    seedMs: round(seedMs),
    visibilityWorkflows: ctx.sizes.visibilityWorkflows,
    http,
    repository: repo,
    visibility: vis,
    plan: await explain(ctx, CASE_PREDICATE),
    planWithIndexablePredicate: await explain(ctx, OPEN_AND_LATE),
  };
}

/** The repository's filter today: the effective status computed per row. */
const CASE_PREDICATE = `((case when status in ('doneOnTime', 'doneLate', 'withdrawn') or paused then status
  when due_at < $1::timestamptz then 'inProgressOverdue' else 'inProgressOnTime' end) = 'inProgressOverdue') = true`;
/** The same rows, said so that the partial index assignment_summary_open_due can serve them in due order. */
const OPEN_AND_LATE = `status not in ('doneOnTime', 'doneLate', 'withdrawn') and not paused and due_at < $1::timestamptz`;

async function explain(ctx: Ctx, predicate: string): Promise<string> {
  const now = new Date().toISOString();
  const rows = await ctx.sql.unsafe<{ 'QUERY PLAN': string }[]>(
    `explain (analyze, buffers) select summary, version, due_at, assignment_id from assignment_summary
     where ${predicate} order by due_at, assignment_id limit ${PAGE + 1}`,
    [now],
  );
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}
