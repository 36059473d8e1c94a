import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Later CLI releases carry a `replace` directive and cannot be `go install`ed. */
export const TEMPORAL_CLI_VERSION = '1.5.1';
/** The server version that CLI embeds; `temporal --version` of a source build prints only this. */
const EMBEDDED_SERVER_VERSION = 'Server 1.29.1';
const MODULE = 'github.com/temporalio/cli/cmd/temporal';

type Log = (line: string) => void;

/**
 * Returns the path of a Temporal CLI of the pinned version: a matching `temporal` on PATH, else the cached
 * build under cacheDir, else builds it from Go modules into the cache (minutes on 2 cores).
 */
export async function ensureTemporalCli(cacheDir: string, log: Log = console.log): Promise<string> {
  const onPath = await temporalOnPath();
  if (onPath) return onPath;
  const dir = join(cacheDir, `temporal-cli-${TEMPORAL_CLI_VERSION}`);
  const binary = join(dir, 'temporal');
  if (existsSync(binary)) return binary;
  await buildTemporalCli(dir, log);
  return binary;
}

async function temporalOnPath(): Promise<string | undefined> {
  try {
    const { stdout } = await run('temporal', ['--version']);
    const matches = stdout.includes(` ${TEMPORAL_CLI_VERSION} `) || stdout.includes(EMBEDDED_SERVER_VERSION);
    return matches ? 'temporal' : undefined;
  } catch {
    return undefined;
  }
}

async function buildTemporalCli(dir: string, log: Log): Promise<void> {
  const staging = `${dir}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} from Go modules into ${dir} (one time; takes a few minutes)…`);
  const started = Date.now();
  const ticker = setInterval(() => log(`  …still building the Temporal CLI (${Math.round((Date.now() - started) / 1000)} s)`), 20_000);
  // What else would do, for a user whose build cannot run or fails.
  const otherwise = `Otherwise put the Temporal CLI ${TEMPORAL_CLI_VERSION} on PATH as "temporal" (another version is not used), or set TEMPORAL_ADDRESS to a running Temporal server; the build is cached in ${dir} (DONDOC_CACHE_DIR moves it).`;
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn('go', ['install', `${MODULE}@v${TEMPORAL_CLI_VERSION}`], {
        env: { ...process.env, CGO_ENABLED: '0', GOBIN: staging },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.on('error', (error) => reject(new Error(`Cannot run "go" (is the Go toolchain on PATH?): ${error.message}. ${otherwise}`)));
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go install exited with ${code} (can this machine reach the Go module proxy?). ${otherwise}`))));
    });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    clearInterval(ticker);
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s.`);
}
