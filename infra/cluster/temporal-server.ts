// The pinned Temporal server and its SQL schema tool, built from Go modules once and cached outside the clone,
// beside the Temporal CLI (libs/local-stack/src/temporal-cli.ts does the same for the CLI).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The server the pinned CLI (1.5.1) embeds, so `npm start` and `npm run cluster` run the same server code. */
export const TEMPORAL_SERVER_VERSION = '1.29.1';
const MODULES = { server: 'go.temporal.io/server/cmd/server', sql: 'go.temporal.io/server/cmd/tools/sql' } as const;

export interface TemporalServerBinaries {
  /** `temporal-server` (go.temporal.io/server/cmd/server). */
  server: string;
  /** `temporal-sql-tool` (go.temporal.io/server/cmd/tools/sql), with the schemas embedded. */
  sqlTool: string;
}

type Log = (line: string) => void;

/** Returns the cached binaries, building them first when missing (about 10 minutes on 2 cores, once). */
export async function ensureTemporalServer(cacheDir: string, log: Log): Promise<TemporalServerBinaries> {
  const dir = join(cacheDir, `temporal-server-${TEMPORAL_SERVER_VERSION}`);
  const binaries = { server: join(dir, 'temporal-server'), sqlTool: join(dir, 'temporal-sql-tool') };
  if (existsSync(binaries.server) && existsSync(binaries.sqlTool)) return binaries;
  const staging = `${dir}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  log(`building the Temporal server ${TEMPORAL_SERVER_VERSION} and its SQL schema tool from Go modules into ${dir}`);
  log('  (one time; about 10 minutes on 2 cores; later starts reuse the cache)');
  const started = Date.now();
  const ticker = setInterval(() => log(`  …still building the Temporal server (${Math.round((Date.now() - started) / 1000)} s)`), 30_000);
  try {
    await goInstall([`${MODULES.server}@v${TEMPORAL_SERVER_VERSION}`, `${MODULES.sql}@v${TEMPORAL_SERVER_VERSION}`], staging);
  } finally {
    clearInterval(ticker);
  }
  // `go install` names binaries after the package directory: server and sql.
  renameSync(join(staging, 'server'), join(staging, 'temporal-server'));
  renameSync(join(staging, 'sql'), join(staging, 'temporal-sql-tool'));
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  log(`Temporal server built in ${Math.round((Date.now() - started) / 1000)} s`);
  return binaries;
}

function goInstall(packages: string[], gobin: string): Promise<void> {
  // Low priority: the build takes both cores for minutes on shared machines.
  const [command, args] = existsSync('/usr/bin/nice') ? ['/usr/bin/nice', ['-n', '10', 'go', 'install', ...packages]] : ['go', ['install', ...packages]];
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, CGO_ENABLED: '0', GOBIN: gobin },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', (error) => reject(new Error(`Cannot run "go" (is the Go toolchain on PATH?): ${error.message}`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go install ${packages.join(' ')} exited with ${code}`))));
  });
}
