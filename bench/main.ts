// dondoc against the engine it runs on, on the same server in the same run. See docs/performance.md.
//   npm run bench                # full sizes (10k assignments, 100k projected rows, 10k open workflows)
//   npm run bench -- --quick     # small sizes, within 3 minutes on 2 cores
//   npm run bench -- --cluster   # production topology (npm run cluster), or TEMPORAL_ADDRESS + DATABASE_URL
//   npm run bench -- --only steps,append   # a subset while developing (steps, creation, overdue, timers, append, rebuild, sandbox)
//   npm run bench -- --quick --profile bench/profiles   # CPU profiles of dondoc's worker and API (.cpuprofile)
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { connect } from '@app/event-store';
import { dondocDataConverter } from '@app/payload-codec';
import { FULL, QUICK, type Ctx } from './context';
import { Report } from './report';
import { mintAgencyToken } from './scenarios/api';
import { runAppend } from './scenarios/append';
import { runCreation } from './scenarios/creation';
import { runOverdue } from './scenarios/overdue';
import { runRebuild } from './scenarios/rebuild';
import { runSandbox } from './scenarios/sandbox';
import { runSteps, setupSteps } from './scenarios/steps';
import { runTimers } from './scenarios/timers';
import { startStack, type BenchStack } from './stack';
import { elapsedSeconds, progress, round } from './support';

const SCENARIOS = ['steps', 'creation', 'overdue', 'timers', 'append', 'rebuild', 'sandbox'] as const;

interface Options {
  quick: boolean;
  cluster: boolean;
  only: Set<string>;
  /** Where dondoc's worker and API write V8 CPU profiles (embedded stack only). */
  profileDir?: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { quick: false, cluster: false, only: new Set(SCENARIOS) };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--quick') options.quick = true;
    else if (flag === '--cluster') options.cluster = true;
    else if (flag === '--only') {
      const names = (inline ?? argv[++i] ?? '').split(',').filter(Boolean);
      const unknown = names.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
      if (unknown.length) throw new Error(`--only takes ${SCENARIOS.join(', ')}; not ${unknown.join(', ')}`);
      options.only = new Set(names);
    } else if (flag === '--profile') {
      options.profileDir = inline ?? argv[++i];
      if (!options.profileDir) throw new Error('--profile takes a folder');
    } else throw new Error(`Unknown flag ${argv[i]} (flags: --quick, --cluster, --only a,b, --profile DIR)`);
  }
  return options;
}

export async function main(argv: string[]): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    return 2;
  }
  const sizes = options.quick ? QUICK : FULL;
  const runId = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  progress(`dondoc bench (${options.quick ? 'quick' : 'full'}${options.cluster ? ', cluster' : ''}): ${[...options.only].join(', ')}`);

  let stack: BenchStack | undefined;
  let interrupted = false;
  const onSignal = (): void => {
    if (interrupted) return;
    interrupted = true;
    progress('interrupted: stopping what the bench started');
    void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const report = new Report();
  let failed: unknown;
  try {
    stack = await startStack({ cluster: options.cluster, profileDir: options.profileDir });
    progress(`stack ready: ${stack.describe}`);
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const sql = connect(stack.databaseUrl, { max: 4 });
    const ctx: Ctx = { stack, sizes, quick: options.quick, runId, client: new Client({ connection, namespace: stack.namespace }), dondocClient: new Client({ connection, namespace: stack.namespace, dataConverter: dondocDataConverter }), sql, agencyToken: '', visibility: { started: 0, overdue: 0 } };
    try {
      ctx.agencyToken = await mintAgencyToken(stack.apiUrl, stack.adminToken, 'BTCTU');
      let appendP50: number | undefined;
      // Assignments created per second until every first task ran, to place the timers' first reminder after them.
      let createdPerSecond: number | undefined;
      // Each scenario on its own: one that fails (e.g. a payload over a server limit) is reported and the rest run.
      const scenario = async (name: (typeof SCENARIOS)[number], run: () => Promise<void>): Promise<void> => {
        if (!options.only.has(name)) return;
        try {
          await run();
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          progress(`${name}: FAILED: ${message.split('\n')[0]}`);
          report.add({ section: `${name} failed`, metric: message.split('\n')[0].slice(0, 160), unit: '', dondoc: Number.NaN, met: false });
          (report.details.failures ??= {} as Record<string, string>);
          (report.details.failures as Record<string, string>)[name] = error instanceof Error ? (error.stack ?? message) : message;
          failed ??= error;
        }
      };
      await scenario('steps', async () => {
        progress('steps: 64 assignments in research through the API, 64 baseline workflows');
        await runSteps(ctx, await setupSteps(ctx), report);
      });
      await scenario('creation', async () => {
        await runCreation(ctx, report);
        // Not the answer's rate: at N = 10,000 the answer comes a minute before the last first task has run.
        const creation = report.details.creation as { assignments: number; firstTasksDoneMs: number };
        createdPerSecond = creation.assignments / (creation.firstTasksDoneMs / 1000);
      });
      await scenario('overdue', () => runOverdue(ctx, report));
      await scenario('timers', () => runTimers(ctx, report, createdPerSecond));
      await scenario('append', async () => {
        appendP50 = (await runAppend(ctx, report)).appendWithProjectionsP50;
      });
      await scenario('rebuild', () => runRebuild(ctx, report));
      await scenario('sandbox', () => runSandbox(report, join(__dirname, '..')));
      report.details.stepBreakdown = breakdown(report, appendP50);
    } finally {
      await sql.end({ timeout: 5 });
      await connection.close();
    }
  } catch (error) {
    failed = error;
    console.error(`bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    if (stack && !interrupted) {
      progress('stopping the stack');
      await stack.stop();
    }
  }

  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: round(totalmem() / 1024 ** 3, 1), node: process.version };
  console.log('');
  console.log(`dondoc bench — ${options.quick ? 'quick' : 'full'} — ${stack?.describe ?? 'no stack'} — ${machine.cpus} CPUs — ${Math.round(elapsedSeconds())} s`);
  console.log('ratio = dondoc / baseline (latency: lower is better; rates: higher is better)');
  console.log(report.table());
  const b = report.details.stepBreakdown as Record<string, number> | undefined;
  if (b && Object.keys(b).length) {
    console.log('\nWhere a step goes (concurrency 1, p50 and history means, ms):');
    for (const [name, value] of Object.entries(b)) console.log(`  ${name.padEnd(58)} ${value}`);
  }
  const dir = join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${runId}-${options.quick ? 'quick' : 'full'}${options.cluster ? '-cluster' : ''}.json`);
  writeFileSync(
    file,
    JSON.stringify({ runId, mode: options.quick ? 'quick' : 'full', cluster: options.cluster, stack: stack?.describe, machine, sizes, seconds: round(elapsedSeconds(), 1), rows: report.rows, details: report.details, markdown: report.markdown(), error: failed ? String(failed) : undefined }, null, 2),
  );
  console.log(`\nresults: ${file}`);
  return failed ? 1 : 0;
}

/** The step at concurrency 1 split into what each layer adds (differences of p50s, and the update's own history). */
function breakdown(report: Report, appendP50: number | undefined): Record<string, number> {
  const steps = report.details.steps as
    | { concurrency1: Record<'api' | 'raw' | 'rawLocalActivity' | 'directUpdate' | 'apiRead', { p50: number }>; historyEventsPerUpdate: { dondoc: number; raw: number } }
    | undefined;
  if (!steps) return {};
  const { api, raw, rawLocalActivity, directUpdate, apiRead } = steps.concurrency1;
  const history = steps.historyEventsPerUpdate;
  return {
    'API step (HTTP → update → append → response)': api.p50,
    'raw Temporal update round trip (baseline)': raw.p50,
    'direct update to the assignment workflow (no HTTP)': directUpdate.p50,
    '→ HTTP + auth + access check (API step − direct update)': round(api.p50 - directUpdate.p50),
    '   of which an authenticated GET of the projection': apiRead.p50,
    '→ the assignment workflow over a raw update (direct − raw)': round(directUpdate.p50 - raw.p50),
    '   raw update with one no-op local activity (Temporal alone)': rawLocalActivity.p50,
    "   → dondoc's own share (direct − raw with a local activity)": round(directUpdate.p50 - rawLocalActivity.p50),
    '   history events per update, dondoc (local-activity append, search attributes)': history.dondoc,
    '   history events per update, raw': history.raw,
    ...(appendP50 !== undefined ? { '   EventStore.append + projections alone, p50 (commit incl.)': appendP50 } : {}),
  };
}
