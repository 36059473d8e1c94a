// `npm run cluster`: dondoc's production topology on one machine, without Docker. Builds (once, cached) the pinned
// Temporal server and schema tool, prepares Temporal's persistence and visibility databases and dondoc's on
// PostgreSQL (DATABASE_URL, default 127.0.0.1:5432 as postgres), starts the Temporal server from the same
// configuration compose and Kubernetes use (infra/temporal/config), registers the namespace and search
// attributes, then runs several workers and several API instances on loopback, and stops everything on Ctrl-C.
//
//   npm run cluster                       # 2 workers, 2 APIs; data kept in databases temporal, temporal_visibility, dondoc
//   npm run cluster -- --workers 3 --apis 2 --split
//
// Flags: --workers N, --apis N (default 2 each); --split runs frontend, history, matching and worker as four
// server processes, as in Kubernetes; --fresh uses throwaway databases (dropped on exit) and free ports, for
// the e2e tests; --state-file PATH writes what is running (addresses, pids, token) as JSON once it is up.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Connection } from '@temporalio/client';
import { loadConfig } from '@app/config';
import { connect, migrate } from '@app/event-store';
import { appProcessEnv, appStopGraceMs, ensureTemporalCli, freePort, preferredPort } from '@app/local-stack';
// Not re-exported by the lib's index; the same helpers the dev launcher and the dev server use.
import { stopChild, waitFor } from '../../libs/local-stack/src/child-process';
import { clusterDatabases, dropDatabases, prepareDatabases, type ClusterDatabases } from './databases';
import { registerNamespace } from './namespace';
import { renderServerConfig } from './server-config';
import { ensureTemporalServer, TEMPORAL_SERVER_VERSION } from './temporal-server';

const log = (line: string): void => console.log(`[cluster] ${line}`);
const distRoot = join(__dirname, '..', '..');
const SERVICES = ['frontend', 'history', 'matching', 'worker'] as const;

interface Options {
  workers: number;
  apis: number;
  split: boolean;
  fresh: boolean;
  stateFile: string | undefined;
}

interface Running {
  name: string;
  child: ChildProcess;
  /** Grace period before SIGKILL. */
  graceMs: number;
}

/** What `--state-file` receives once everything is up. */
export interface ClusterState {
  temporal: { address: string; namespace: string; taskQueue: string; historyShards: number; metrics: string[]; logDir: string; processes: { name: string; pid: number }[] };
  databases: { temporal: string; visibility: string; dondoc: string };
  workers: { name: string; pid: number }[];
  apis: { name: string; url: string; pid: number }[];
  adminToken: string;
}

const app: Running[] = [];
const servers: Running[] = [];
let cleanup: ((code: number) => Promise<void>) | undefined;
let shuttingDown = false;

async function main(options: Options): Promise<void> {
  const started = Date.now();
  // The cluster's namespace is "dondoc" unless TEMPORAL_NAMESPACE says otherwise.
  const config = loadConfig({ TEMPORAL_NAMESPACE: 'dondoc', ...process.env }, { homeDir: process.env.HOME ?? '/tmp', cwd: process.cwd() });
  const serverUrl = config.databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbs = clusterDatabases(serverUrl, process.env, options.fresh ? `dondoc_cluster_${process.pid}_` : '');
  const runDir = options.fresh ? mkdtempSync(join(tmpdir(), 'dondoc-cluster-')) : join(config.dataDir, 'cluster');
  mkdirSync(join(runDir, 'logs'), { recursive: true });
  if (options.fresh) {
    cleanup = async (code) => {
      log(`dropping throwaway databases ${dbs.temporal}, ${dbs.visibility}, ${dbs.dondoc}`);
      await dropDatabases(dbs);
      // Logs stay for a post-mortem when something failed.
      if (code === 0) rmSync(runDir, { recursive: true, force: true });
      else log(`logs kept in ${join(runDir, 'logs')}`);
    };
  }

  const cliPath = await ensureTemporalCli(config.cacheDir, log);
  const binaries = await ensureTemporalServer(config.cacheDir, log);
  log(`Temporal server ${TEMPORAL_SERVER_VERSION}: ${binaries.server}`);

  log(`preparing databases on ${redact(serverUrl)}`);
  await prepareDatabases(binaries.sqlTool, dbs, log);
  const sql = connect(dbs.dondocUrl, { max: 1 });
  const applied = await migrate(sql).finally(() => sql.end());
  log(`database ${dbs.dondoc}: ${applied.length ? `applied migrations ${applied.join(', ')}` : 'dondoc schema is up to date'}`);
  if (shuttingDown) return;

  const temporal = await startTemporal(binaries.server, dbs, runDir, options);
  await registerNamespace({ cliPath, address: temporal.address, namespace: config.temporalNamespace, retention: process.env.TEMPORAL_RETENTION || '30d', log });
  if (shuttingDown) return;

  const adminToken = config.adminToken ?? clusterAdminToken(runDir, options.fresh);
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    DATABASE_URL: dbs.dondocUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: config.temporalNamespace,
    TEMPORAL_TASK_QUEUE: config.taskQueue,
    DONDOC_ADMIN_TOKEN: adminToken,
  };
  const stopGraceMs = appStopGraceMs(config.shutdownGraceMs);
  const workers = await Promise.all(
    Array.from({ length: options.workers }, (_, i) => startApp(`worker-${i + 1}`, 'apps/worker/src/main.js', appEnv, /dondoc worker polling/, stopGraceMs)),
  );
  const apis: ClusterState['apis'] = [];
  // One after the other: each applies pending migrations and registers the admin token at boot, before it listens.
  for (let i = 0; i < options.apis; i++) {
    const port = options.fresh ? await freePort() : await preferredPort(config.port + i);
    const name = `api-${i + 1}`;
    const running = await startApp(name, 'apps/api/src/main.js', { ...appEnv, PORT: String(port) }, /dondoc API listening/, stopGraceMs);
    const url = `http://127.0.0.1:${port}`;
    await waitFor(`${name} health`, async () => {
      const response = await fetch(`${url}/health`);
      if (!response.ok) throw new Error(`health answered ${response.status}`);
    }, 60_000, () => exitReason(running.child));
    apis.push({ name, url, pid: running.child.pid ?? 0 });
  }

  const state: ClusterState = {
    temporal: { ...temporal, namespace: config.temporalNamespace, taskQueue: config.taskQueue, logDir: join(runDir, 'logs'), processes: servers.map((s) => ({ name: s.name, pid: s.child.pid ?? 0 })) },
    databases: { temporal: dbs.temporal, visibility: dbs.visibility, dondoc: dbs.dondoc },
    workers: workers.map((w) => ({ name: w.name, pid: w.child.pid ?? 0 })),
    apis,
    adminToken,
  };
  log(`dondoc cluster is up (${Math.round((Date.now() - started) / 1000)} s):`);
  log(`  Temporal frontend  ${temporal.address}  namespace ${config.temporalNamespace}, ${temporal.historyShards} history shards, PostgreSQL persistence + visibility`);
  log(`  Temporal server    ${servers.map((s) => `${s.name} pid ${s.child.pid}`).join(', ')}; logs in ${join(runDir, 'logs')}`);
  log(`  Temporal metrics   ${temporal.metrics.join(' ')}`);
  log(`  Databases          ${dbs.temporal}, ${dbs.visibility}, ${dbs.dondoc} on ${dbs.host}:${dbs.port}`);
  for (const w of state.workers) log(`  ${w.name.padEnd(18)} pid ${w.pid}, task queue ${config.taskQueue}`);
  for (const a of apis) log(`  ${a.name.padEnd(18)} ${a.url}/api  (docs ${a.url}/docs, health ${a.url}/health), pid ${a.pid}`);
  log(`  Admin token        ${config.adminToken ? '(DONDOC_ADMIN_TOKEN)' : `${adminToken}  (kept in ${join(runDir, 'admin-token')})`}`);
  if (options.stateFile) writeFileSync(options.stateFile, JSON.stringify(state, null, 2));
  log('Press Ctrl-C to stop.');
}

async function startTemporal(serverBinary: string, dbs: ClusterDatabases, runDir: string, options: Options) {
  const frontendPort = await lowFreePort(options.fresh ? undefined : 7233);
  const address = `127.0.0.1:${frontendPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    POSTGRES_HOST: dbs.host,
    POSTGRES_PORT: String(dbs.port),
    POSTGRES_USER: dbs.user,
    POSTGRES_PASSWORD: dbs.password,
    TEMPORAL_DB: dbs.temporal,
    TEMPORAL_VISIBILITY_DB: dbs.visibility,
    TEMPORAL_LOG_LEVEL: process.env.TEMPORAL_LOG_LEVEL || 'warn',
    TEMPORAL_BIND_ON_IP: '127.0.0.1',
    TEMPORAL_BROADCAST_ADDRESS: '127.0.0.1',
    TEMPORAL_FRONTEND_ADDRESS: address,
    TEMPORAL_FRONTEND_PORT: String(frontendPort),
    TEMPORAL_FRONTEND_HTTP_PORT: String(await lowFreePort()),
  };
  for (const service of SERVICES) {
    if (service !== 'frontend') env[`TEMPORAL_${service.toUpperCase()}_PORT`] = String(await lowFreePort());
    env[`TEMPORAL_${service.toUpperCase()}_MEMBERSHIP_PORT`] = String(await lowFreePort());
  }
  // One process with all four services, or (--split) one per service as in Kubernetes: same configuration,
  // but each process needs its own metrics port.
  const groups: string[][] = options.split ? SERVICES.map((s) => [s]) : [[...SERVICES]];
  const metrics: string[] = [];
  for (const group of groups) {
    const name = options.split ? `temporal-${group[0]}` : 'temporal-server';
    const metricsAddress = `127.0.0.1:${await freePort()}`;
    metrics.push(`http://${metricsAddress}/metrics`);
    const root = join(runDir, name);
    const flags = renderServerConfig(root, { ...env, TEMPORAL_METRICS_ADDRESS: metricsAddress });
    const logFile = join(runDir, 'logs', `${name}.log`);
    const fd = openSync(logFile, 'a');
    const child = spawn(serverBinary, [...flags, 'start', ...group.flatMap((s) => ['--service', s])], { env, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    servers.push({ name, child, graceMs: 30_000 });
    log(`started ${name} (${group.join(', ')}), pid ${child.pid}, config ${join(root, 'config', 'production.yaml')}, log ${logFile}`);
    child.once('exit', (code, signal) => {
      if (shuttingDown) return;
      log(`${name} exited unexpectedly (${signal ?? `code ${code}`}); the end of ${logFile}:`);
      for (const line of readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-15)) log(`  | ${line.slice(0, 400)}`);
      log('stopping everything');
      void shutdown(1);
    });
  }
  const historyShards = Number(env.TEMPORAL_NUM_HISTORY_SHARDS || 512);
  log(`waiting for the Temporal frontend on ${address} (${historyShards} history shards to acquire)…`);
  const waitStarted = Date.now();
  await waitFor('Temporal frontend', async () => {
    const connection = await Connection.connect({ address, connectTimeout: 1000 });
    try {
      await connection.workflowService.getSystemInfo({});
      // The system namespace answers only once history and matching have joined the membership ring.
      await connection.workflowService.describeNamespace({ namespace: 'temporal-system' });
    } finally {
      await connection.close();
    }
  }, 180_000, () => servers.map((s) => exitReason(s.child)).find(Boolean));
  log(`Temporal frontend ready in ${Math.round((Date.now() - waitStarted) / 1000)} s`);
  return { address, historyShards, metrics };
}

/** Runs a built dondoc app as a child process with prefixed output; resolves once it printed `ready`. */
async function startApp(name: string, script: string, env: NodeJS.ProcessEnv, ready: RegExp, stopGraceMs: number): Promise<Running> {
  // The IPC channel closes if this launcher dies, and the app then stops itself: no orphans.
  const child = spawn(process.execPath, [join(distRoot, script)], { env: appProcessEnv(env), stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const running = { name, child, graceMs: stopGraceMs };
  app.push(running);
  let isReady = false;
  const readyPromise = new Promise<void>((resolve) => {
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream! }).on('line', (line) => {
        console.log(`[${name}] ${line}`);
        if (!isReady && ready.test(line)) {
          isReady = true;
          resolve();
        }
      });
    }
  });
  child.once('exit', (code, signal) => {
    if (!shuttingDown) log(`${name} (pid ${child.pid}) stopped (${signal ?? `code ${code}`}); the others keep serving`);
  });
  await waitFor(name, () => (isReady ? Promise.resolve() : Promise.reject(new Error('not ready yet'))), 120_000, () => exitReason(child));
  await readyPromise;
  return running;
}

/** Without DONDOC_ADMIN_TOKEN: one generated token, kept in the data directory so it survives restarts. */
function clusterAdminToken(runDir: string, fresh: boolean): string {
  const file = join(runDir, 'admin-token');
  if (!fresh && existsSync(file)) return readFileSync(file, 'utf8').trim();
  const token = `ddc_cluster-${randomBytes(24).toString('base64url')}`;
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

const taken = new Set<number>();

/**
 * A free loopback port below 32768. Temporal stores each service's ports in cluster_membership, whose port
 * column is a PostgreSQL smallint: the kernel's ephemeral ports (32768 and up) make the server exit at start.
 */
async function lowFreePort(preferred?: number): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = attempt === 0 && preferred ? preferred : 20_000 + Math.floor(Math.random() * 12_000);
    if (taken.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) {
      taken.add(port);
      return port;
    }
  }
  throw new Error('no free port between 20000 and 32000');
}

function exitReason(child: ChildProcess): string | undefined {
  if (child.exitCode !== null) return `exit code ${child.exitCode}`;
  if (child.signalCode !== null) return `signal ${child.signalCode}`;
  return undefined;
}

function redact(url: string): string {
  return url.replace(/:[^:@/]+@/, ':***@');
}

async function shutdown(code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  log('stopping…');
  // APIs first (no new commands), then workers (finish in-flight tasks), then Temporal, then the databases.
  for (const running of [...app].reverse()) await stopChild(running.child, running.graceMs);
  if (app.length) log(`stopped ${app.map((r) => r.name).join(', ')}`);
  await Promise.all(servers.map((running) => stopChild(running.child, running.graceMs)));
  if (servers.length) log('stopped the Temporal server');
  await cleanup?.(code).catch((error: unknown) => console.error(error));
  log('stopped');
  process.exit(code);
}

function parseArgs(argv: string[]): Options {
  const options: Options = { workers: 2, apis: 2, split: false, fresh: false, stateFile: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = (): string => inline ?? argv[++i] ?? '';
    const count = (): number => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 16) throw new Error(`${flag} takes a number from 1 to 16`);
      return n;
    };
    if (flag === '--workers') options.workers = count();
    else if (flag === '--apis') options.apis = count();
    else if (flag === '--split') options.split = true;
    else if (flag === '--fresh') options.fresh = true;
    else if (flag === '--state-file') options.stateFile = value();
    else throw new Error(`Unknown flag ${argv[i]} (flags: --workers N --apis N --split --fresh --state-file PATH)`);
  }
  return options;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void shutdown(0));
// start-cluster.ts went away (killed outright): stop as for Ctrl-C. Absent when run on its own (tests, the bench).
process.channel?.unref();
process.once('disconnect', () => void shutdown(0));
// Last resort if this process dies without shutdown(): no Temporal server left behind.
process.once('exit', () => {
  for (const running of [...app, ...servers]) if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
});

let options: Options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(`[cluster] ${(error as Error).message}`);
  process.exit(2);
}
main(options).catch((error: unknown) => {
  console.error(error);
  void shutdown(1);
});
