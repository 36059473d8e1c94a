// What the bench runs against. Default: the embedded stack as the tests start it (test/support/global-setup.ts):
// the pinned Temporal dev server in memory, and embedded PostgreSQL in a temporary folder (or a fresh database on
// DATABASE_URL's server). --cluster: the production topology, `npm run cluster -- --fresh` (Temporal server with
// PostgreSQL persistence and visibility), or an existing deployment when TEMPORAL_ADDRESS and DATABASE_URL are set.
// Either way dondoc's worker and API run as the built processes of dist/, as production runs them, and the
// baseline has its own worker process.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { configFromProcess } from '@app/config';
import { appProcessEnv, createScratchDatabase, ensureTemporalCli, freePort, redactUrl, startTemporalDevServer, startThrowawayPostgres } from '@app/local-stack';
import { stopChild } from '../libs/local-stack/src/child-process';
import { progress, waitUntil } from './support';

const dist = join(__dirname, '..');

export interface BenchStack {
  mode: 'embedded' | 'cluster' | 'external';
  describe: string;
  temporalAddress: string;
  namespace: string;
  databaseUrl: string;
  apiUrl: string;
  adminToken: string;
  /** dondoc's task queue (the API starts directives on it). */
  taskQueue: string;
  baselineTaskQueue: string;
  /** Pid of the Temporal dev server (embedded stack only), to wait for it to be idle. */
  serverPid?: number;
  /** Pid of the (first) dondoc worker process, for its memory. */
  workerPid: number | undefined;
  /** Pid of the (first) dondoc API process, for its CPU time. */
  apiPid: number | undefined;
  /** The embedded stack's dondoc worker serves the SDK's Prometheus metrics here (DONDOC_WORKER_METRICS_ADDRESS). */
  workerMetricsUrl?: string;
  baselineWorkerPid: number | undefined;
  stop(): Promise<void>;
}

type Stop = () => Promise<void>;

/** Environment of the API and worker processes the bench starts (and of the cluster's). */
function appEnv(): Record<string, string> {
  // DONDOC_* (e.g. DONDOC_WORKER_MAX_CACHED_WORKFLOWS) and MALLOC_ARENA_MAX set for the bench reach the apps: to try a
  // setting without changing code. The bench's own settings below win.
  const passed = Object.entries(process.env).filter(([name, value]) => value !== undefined && (name.startsWith('DONDOC_') || name === 'MALLOC_ARENA_MAX'));
  // As npm start, the cluster and the production image start them (MALLOC_ARENA_MAX=2).
  return appProcessEnv({
    ...(Object.fromEntries(passed) as Record<string, string>),
    // Production's log level; output goes nowhere. The limits are lifted so the load generator is not throttled
    // (rate limit) and a 10,000-assignment directive fits in one request (body limit) and is waited for (timeout).
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    DONDOC_SEED: 'false',
    DONDOC_RATE_LIMIT_PER_MINUTE: '1000000',
    DONDOC_BODY_LIMIT: '64mb',
    DONDOC_UPDATE_TIMEOUT_SECONDS: '900',
  });
}

export async function startStack(options: { cluster: boolean; profileDir?: string }): Promise<BenchStack> {
  const stops: Stop[] = [];
  const stopAll = async (): Promise<void> => {
    stopping = true;
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(error));
  };
  try {
    if (options.cluster && process.env.TEMPORAL_ADDRESS) return await externalStack(stops, stopAll);
    if (options.cluster) return await clusterStack(stops, stopAll);
    return await embeddedStack(stops, stopAll, options.profileDir);
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function embeddedStack(stops: Stop[], stopAll: Stop, profileDir: string | undefined): Promise<BenchStack> {
  const config = configFromProcess();
  const cliPath = await ensureTemporalCli(config.cacheDir, (line) => progress(line));
  // The server and the database start side by side; each registers its stop as soon as it runs.
  const startServer = async () => {
    const started = await startTemporalDevServer({ cliPath, port: await freePort(), uiPort: await freePort(), dbFile: undefined, namespace: 'default', headless: true });
    stops.push(started.stop);
    progress(`Temporal dev server (in memory) on ${started.address}`);
    return started;
  };
  const startDatabase = async () => {
    const url = config.databaseUrl ? await freshDatabase(config.databaseUrl, stops) : await embeddedDatabase(stops);
    progress(`PostgreSQL ${config.databaseUrl ? `fresh database on ${redactUrl(config.databaseUrl)}` : 'embedded, in a temporary folder'}`);
    return url;
  };
  const [server, databaseUrl] = await Promise.all([startServer(), startDatabase()]);
  const apps = await startApps(stops, { databaseUrl, temporalAddress: server.address, namespace: 'default' }, profileDir);
  return {
    mode: 'embedded',
    serverPid: server.pid,
    describe: `embedded: Temporal dev server (in memory, SQLite visibility), ${config.databaseUrl ? 'PostgreSQL at DATABASE_URL' : 'embedded PostgreSQL'}; 1 worker, 1 API`,
    temporalAddress: server.address,
    namespace: 'default',
    databaseUrl,
    ...apps,
    stop: stopAll,
  };
}

/** --cluster with TEMPORAL_ADDRESS (and DATABASE_URL): an existing deployment; the bench runs its own worker and API. */
async function externalStack(stops: Stop[], stopAll: Stop): Promise<BenchStack> {
  const config = configFromProcess();
  if (!config.databaseUrl || !config.temporalAddress) throw new Error('--cluster with TEMPORAL_ADDRESS also needs DATABASE_URL (the dondoc database of that deployment)');
  progress(`existing deployment: Temporal ${config.temporalAddress} namespace ${config.temporalNamespace}, PostgreSQL ${redactUrl(config.databaseUrl)}`);
  const apps = await startApps(stops, { databaseUrl: config.databaseUrl, temporalAddress: config.temporalAddress, namespace: config.temporalNamespace });
  return {
    mode: 'external',
    describe: `existing deployment at TEMPORAL_ADDRESS ${config.temporalAddress} (namespace ${config.temporalNamespace}) and DATABASE_URL; bench's own worker and API`,
    temporalAddress: config.temporalAddress,
    namespace: config.temporalNamespace,
    databaseUrl: config.databaseUrl,
    ...apps,
    stop: stopAll,
  };
}

interface ClusterState {
  temporal: { address: string; namespace: string; taskQueue: string };
  databases: { dondoc: string };
  workers: { pid: number }[];
  apis: { url: string; pid: number }[];
  adminToken: string;
}

/** --cluster: `npm run cluster -- --fresh --workers 1 --apis 1` on DATABASE_URL's server, or on embedded PostgreSQL. */
async function clusterStack(stops: Stop[], stopAll: Stop): Promise<BenchStack> {
  const config = configFromProcess();
  const serverUrl = config.databaseUrl ?? (await embeddedDatabase(stops)).replace(/\/dondoc$/, '/postgres');
  const stateFile = join(mkdtempSync(join(tmpdir(), 'dondoc-bench-')), 'cluster.json');
  const env = { ...process.env, ...appEnv(), DATABASE_URL: serverUrl, DONDOC_ADMIN_TOKEN: `ddc_bench-${randomBytes(18).toString('base64url')}` };
  progress(`starting the production topology: npm run cluster -- --fresh --workers 1 --apis 1 (PostgreSQL ${redactUrl(serverUrl)})`);
  const child = spawn(process.execPath, [join(dist, 'infra/cluster/cluster.js'), '--fresh', '--workers', '1', '--apis', '1', '--state-file', stateFile], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > 30) tail.shift();
      if (line.startsWith('[cluster]')) progress(line);
    });
  }
  stops.push(() => stopChild(child, 60_000));
  await waitUntil('the cluster', async () => {
    if (child.exitCode !== null) throw new Error(`npm run cluster exited (${child.exitCode}):\n${tail.join('\n')}`);
    return existsSync(stateFile);
  }, 600_000, 500).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}\n${tail.join('\n')}`);
  });
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as ClusterState;
  const dondocUrl = new URL(serverUrl);
  dondocUrl.pathname = `/${state.databases.dondoc}`;
  const baseline = await startBaselineWorker(stops, { temporalAddress: state.temporal.address, namespace: state.temporal.namespace });
  return {
    mode: 'cluster',
    describe: `cluster: Temporal server ${state.temporal.address} (PostgreSQL persistence + visibility), namespace ${state.temporal.namespace}; 1 worker, 1 API`,
    temporalAddress: state.temporal.address,
    namespace: state.temporal.namespace,
    databaseUrl: dondocUrl.toString(),
    apiUrl: state.apis[0].url,
    adminToken: state.adminToken,
    taskQueue: state.temporal.taskQueue,
    workerPid: state.workers[0]?.pid,
    apiPid: state.apis[0]?.pid,
    ...baseline,
    stop: stopAll,
  };
}

async function startApps(stops: Stop[], target: { databaseUrl: string; temporalAddress: string; namespace: string }, profileDir?: string) {
  const taskQueue = `bench-${randomUUID().slice(0, 8)}`;
  const port = await freePort();
  const adminToken = `ddc_bench-${randomBytes(18).toString('base64url')}`;
  const metricsAddress = `127.0.0.1:${await freePort()}`;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    ...appEnv(),
    DATABASE_URL: target.databaseUrl,
    TEMPORAL_ADDRESS: target.temporalAddress,
    TEMPORAL_NAMESPACE: target.namespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
    PORT: String(port),
    DONDOC_ADMIN_TOKEN: adminToken,
    DONDOC_WORKER_METRICS_ADDRESS: metricsAddress,
  };
  // V8 writes a .cpuprofile per process when it exits (open with Chrome DevTools or speedscope).
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : [];
  const worker = await startProcess(stops, 'dondoc worker', join(dist, 'apps/worker/src/main.js'), env, /dondoc worker polling/, profile);
  // The API once the worker has migrated the database; the baseline's worker (which bundles its workflows) meanwhile.
  const apiUrl = `http://127.0.0.1:${port}`;
  const startApi = async () => {
    const started = await startProcess(stops, 'dondoc API', join(dist, 'apps/api/src/main.js'), env, /dondoc API listening/, profile);
    await waitUntil('API health', async () => (await fetch(`${apiUrl}/health`)).ok, 60_000);
    progress(`dondoc worker (pid ${worker.pid}) and API ${apiUrl} on task queue ${taskQueue}`);
    return started;
  };
  const [api, baseline] = await Promise.all([startApi(), startBaselineWorker(stops, target)]);
  return { apiUrl, adminToken, taskQueue, workerPid: worker.pid, apiPid: api.pid, workerMetricsUrl: `http://${metricsAddress}/metrics`, ...baseline };
}

async function startBaselineWorker(stops: Stop[], target: { temporalAddress: string; namespace: string }) {
  const baselineTaskQueue = `bench-baseline-${randomUUID().slice(0, 8)}`;
  const child = await startProcess(stops, 'baseline worker', join(dist, 'bench/baseline/worker.js'), {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    TEMPORAL_ADDRESS: target.temporalAddress,
    TEMPORAL_NAMESPACE: target.namespace,
    BENCH_BASELINE_TASK_QUEUE: baselineTaskQueue,
  }, /baseline worker polling/);
  progress(`baseline worker (pid ${child.pid}) on task queue ${baselineTaskQueue}`);
  return { baselineTaskQueue, baselineWorkerPid: child.pid };
}

/** A node process with an IPC channel (it stops itself if the bench dies); resolves once it printed `ready`. */
async function startProcess(stops: Stop[], name: string, script: string, env: Record<string, string>, ready: RegExp, nodeFlags: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeFlags, script], { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  stops.push(() => stopChild(child, 15_000));
  const tail: string[] = [];
  let isReady = false;
  for (const stream of [child.stdout!, child.stderr!]) {
    // Read everything (a full pipe would block the process), keep the end for errors.
    createInterface({ input: stream }).on('line', (line) => {
      if (ready.test(line)) isReady = true;
      if (stream === child.stderr) {
        tail.push(line);
        if (tail.length > 30) tail.shift();
      }
    });
  }
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`[bench] ${name} exited (${signal ?? `code ${code}`}):\n${tail.join('\n')}`);
  });
  await waitUntil(name, async () => {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${tail.join('\n')}`);
    return isReady;
  }, 120_000, 100);
  return child;
}

let stopping = false;

async function freshDatabase(serverUrl: string, stops: Stop[]): Promise<string> {
  const database = await createScratchDatabase(serverUrl, 'dondoc_bench');
  stops.push(database.drop);
  return database.url;
}

async function embeddedDatabase(stops: Stop[]): Promise<string> {
  const database = await startThrowawayPostgres('dondoc-bench-pg');
  stops.push(database.stop);
  return database.url;
}

