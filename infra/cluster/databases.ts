// The three databases of a dondoc cluster on one PostgreSQL server: Temporal's persistence and visibility
// (schemas owned and versioned by the server's own temporal-sql-tool) and dondoc's event store (dondoc's own
// migrations). Idempotent: running it against existing databases only applies pending schema versions.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import postgres from 'postgres';

const run = promisify(execFile);

export interface ClusterDatabases {
  /** Connection settings of the PostgreSQL server, from DATABASE_URL. */
  host: string;
  port: number;
  user: string;
  password: string;
  temporal: string;
  visibility: string;
  dondoc: string;
  /** DATABASE_URL of the dondoc database. */
  dondocUrl: string;
}

/**
 * Where the cluster's databases live. The server is DATABASE_URL's; its database names dondoc's event store
 * unless it is empty or "postgres" (then "dondoc"). Temporal's are TEMPORAL_DB and TEMPORAL_VISIBILITY_DB
 * (defaults temporal, temporal_visibility). A prefix keeps a throwaway cluster (the e2e tests) apart.
 */
export function clusterDatabases(serverUrl: string, env: Record<string, string | undefined>, prefix = ''): ClusterDatabases {
  const url = new URL(serverUrl);
  const named = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const dondoc = `${prefix}${named && named !== 'postgres' ? named : 'dondoc'}`;
  const dondocUrl = new URL(serverUrl);
  dondocUrl.pathname = `/${dondoc}`;
  for (const name of [dondoc, env.TEMPORAL_DB, env.TEMPORAL_VISIBILITY_DB]) {
    if (name !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Database name "${name}" must match [a-z_][a-z0-9_]*`);
  }
  return {
    host: url.hostname || '127.0.0.1',
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username) || 'postgres',
    password: decodeURIComponent(url.password),
    temporal: `${prefix}${env.TEMPORAL_DB || 'temporal'}`,
    visibility: `${prefix}${env.TEMPORAL_VISIBILITY_DB || 'temporal_visibility'}`,
    dondoc,
    dondocUrl: dondocUrl.toString(),
  };
}

/** Creates missing databases and brings Temporal's schemas to the version this server needs. */
export async function prepareDatabases(sqlTool: string, dbs: ClusterDatabases, log: (line: string) => void): Promise<void> {
  const admin = adminConnection(dbs);
  try {
    const existing = new Set((await admin<{ datname: string }[]>`select datname from pg_database`).map((row) => row.datname));
    for (const [database, schema] of [[dbs.temporal, 'postgresql/v12/temporal'], [dbs.visibility, 'postgresql/v12/visibility']] as const) {
      if (!existing.has(database)) {
        log(`creating database ${database} (temporal-sql-tool create-database)`);
        await tool(sqlTool, dbs, database, ['create-database']);
      }
      // setup-schema -v 0.0 only creates the version tables when they are missing; update-schema then applies
      // every versioned script after the recorded version, from the schemas embedded in the tool.
      await tool(sqlTool, dbs, database, ['setup-schema', '-v', '0.0']);
      const { stdout, stderr } = await tool(sqlTool, dbs, database, ['update-schema', '--schema-name', schema]);
      const version = /"?targetVersion"?[:=]\s*"?([\d.]+)/.exec(stdout + stderr)?.[1];
      log(`database ${database}: schema ${schema} up to date${version ? ` (version ${version})` : ''}`);
    }
    if (!existing.has(dbs.dondoc)) {
      log(`creating database ${dbs.dondoc} (dondoc's event store)`);
      await admin.unsafe(`create database ${dbs.dondoc}`);
    }
  } finally {
    await admin.end();
  }
}

/** Drops the cluster's databases (a throwaway cluster, on exit). */
export async function dropDatabases(dbs: ClusterDatabases): Promise<void> {
  const admin = adminConnection(dbs);
  try {
    for (const name of [dbs.temporal, dbs.visibility, dbs.dondoc]) await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

function adminConnection(dbs: ClusterDatabases) {
  return postgres({ host: dbs.host, port: dbs.port, user: dbs.user, password: dbs.password || undefined, database: 'postgres', max: 1, onnotice: () => undefined });
}

async function tool(sqlTool: string, dbs: ClusterDatabases, database: string, command: string[]): Promise<{ stdout: string; stderr: string }> {
  const args = ['--plugin', 'postgres12', '--endpoint', dbs.host, '--port', String(dbs.port), '--user', dbs.user, '--database', database, ...command];
  try {
    // The password goes by environment (SQL_PASSWORD), not on the command line where `ps` shows it.
    return await run(sqlTool, args, { env: { ...process.env, SQL_PASSWORD: dbs.password }, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`temporal-sql-tool ${command.join(' ')} on ${database} failed: ${failed.message}\n${failed.stderr ?? ''}${failed.stdout ?? ''}`);
  }
}
