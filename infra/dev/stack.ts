// The whole system on one machine with embedded defaults, as `npm start` runs it (infra/dev/start.ts, in a process
// group of its own). Starts PostgreSQL (embedded, unless DATABASE_URL is set) and the Temporal dev server (unless
// TEMPORAL_ADDRESS is set), applies migrations, runs the worker and the API as child processes, and stops everything
// in order on SIGTERM, SIGINT or SIGHUP, or when start.ts goes away, keeping the data.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { configFromProcess } from '@app/config';
import { connect, migrate } from '@app/event-store';
import { appProcessEnv, appStopGraceMs, ensureTemporalCli, isPortFree, preferredPort, startEmbeddedPostgres, startTemporalDevServer, stopChild } from '@app/local-stack';
import { importSeedOnFirstStart } from './seed';

type Stop = () => Promise<void>;
const stops: Stop[] = [];
const log = (line: string): void => console.log(`[dondoc] ${line}`);
const distRoot = join(__dirname, '..', '..');

async function main(): Promise<void> {
  const config = configFromProcess();
  // Found now, not after PostgreSQL and Temporal have started: the API's port is the one the user asked for.
  if (!(await isPortFree(config.port, config.host))) {
    throw new Error(`Port ${config.port} on ${config.host} is in use (another dondoc?): stop that program, or set PORT to another port`);
  }
  const databaseUrl = config.databaseUrl ?? (await startPostgres(config.dataDir));
  const temporal = config.temporalAddress
    ? { address: config.temporalAddress, uiUrl: config.temporalUiUrl }
    : await startTemporal(config.cacheDir, config.dataDir, config.temporalNamespace);
  const sql = connect(databaseUrl, { max: 1 });
  const applied = await migrate(sql).finally(() => sql.end());
  log(applied.length ? `applied migrations ${applied.join(', ')}` : 'database schema is up to date');

  const env = appProcessEnv({ ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporal.address });
  const stopGraceMs = appStopGraceMs(config.shutdownGraceMs);
  runChild('worker', join(distRoot, 'apps/worker/src/main.js'), env, stopGraceMs);
  runChild('api', join(distRoot, 'apps/api/src/main.js'), env, stopGraceMs);
  const api = `http://${config.host}:${config.port}`;
  await waitForHealth(`${api}/health`);
  if (config.seedOnStart) {
    await importSeedOnFirstStart({ databaseUrl, temporalAddress: temporal.address, namespace: config.temporalNamespace, taskQueue: config.taskQueue, importPolicy: config.importPolicy, log });
  }
  log('dondoc is up:');
  log(`  Dashboard    ${api}/`);
  log(`  API          ${api}/api`);
  log(`  OpenAPI docs ${api}/docs`);
  log(`  Health       ${api}/health`);
  if (temporal.uiUrl) log(`  Temporal UI  ${temporal.uiUrl}`);
  log('Press Ctrl-C to stop.');
}

async function startPostgres(dataDir: string): Promise<string> {
  const port = await preferredPort(54329);
  log(`starting embedded PostgreSQL on 127.0.0.1:${port} (data in ${dataDir}/postgres)`);
  const database = await startEmbeddedPostgres(dataDir, port);
  stops.push(database.stop);
  return database.url;
}

async function startTemporal(cacheDir: string, dataDir: string, namespace: string) {
  const cliPath = await ensureTemporalCli(cacheDir, log);
  const [port, uiPort] = [await preferredPort(7233), await preferredPort(8233)];
  log(`starting the Temporal dev server on 127.0.0.1:${port} (data in ${dataDir}/temporal.db)`);
  const server = await startTemporalDevServer({ cliPath, port, uiPort, dbFile: join(dataDir, 'temporal.db'), namespace });
  stops.push(server.stop);
  return server;
}

function runChild(name: string, script: string, env: NodeJS.ProcessEnv, stopGraceMs: number): ChildProcess {
  // The IPC channel closes if this launcher dies, and the child then stops itself: no orphans.
  const child = spawn(process.execPath, [script], { env, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  let stopping = false;
  stops.push(() => {
    stopping = true;
    return stopChild(child, stopGraceMs);
  });
  child.once('exit', (code, signal) => {
    if (stopping || shuttingDown) return;
    // A signal sent to this whole process group may stop a child on its own just before we do.
    const clean = code === 0 || signal === 'SIGINT' || signal === 'SIGTERM';
    if (!clean) log(`${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping everything`);
    void shutdown(clean ? 0 : 1);
  });
  return child;
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not report healthy within 120 s`);
}

let shuttingDown = false;
async function shutdown(code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  log('stopping…');
  // Reverse order: api and worker first, then Temporal, then PostgreSQL.
  for (const stop of stops.reverse()) {
    await stop().catch((error: unknown) => console.error(error));
  }
  log('stopped; data kept for the next start');
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));
// start.ts went away (killed outright): stop as for Ctrl-C, or PostgreSQL would run on without us.
process.channel?.unref();
process.once('disconnect', () => void shutdown(0));

main().catch((error: unknown) => {
  console.error(error);
  void shutdown(1);
});
