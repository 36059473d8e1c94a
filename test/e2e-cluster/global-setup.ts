import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

declare global {
  var __dondocCluster: { child: ChildProcess; exited: Promise<number | string> } | undefined;
}

const root = join(__dirname, '..', '..');

/**
 * Starts the production topology exactly as `npm run cluster` does (the built dist/infra/cluster/start-cluster.js),
 * with throwaway databases and free ports (--fresh), and hands its state file to the tests. It runs in a process
 * group of its own, as in a terminal: the teardown stops it with Ctrl-C to that group.
 * The first run on a machine builds the Temporal server from Go modules (about 10 minutes on 2 cores).
 */
export default async function globalSetup(): Promise<void> {
  const script = join(root, 'dist', 'infra', 'cluster', 'start-cluster.js');
  if (!existsSync(script)) throw new Error('Run `npm run build` first (npm run test:cluster does).');
  const stateFile = join(mkdtempSync(join(tmpdir(), 'dondoc-cluster-test-')), 'state.json');
  const child = spawn(process.execPath, [script, '--fresh', '--workers', '2', '--apis', '2', '--state-file', stateFile], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', DONDOC_SEED: 'false', DONDOC_ADMIN_TOKEN: 'ddc_cluster-e2e-admin-token-not-for-production' },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code ?? -1)));
  globalThis.__dondocCluster = { child, exited };
  const deadline = Date.now() + 30 * 60_000;
  let status: number | string | undefined;
  void exited.then((s) => (status = s));
  while (!existsSync(stateFile)) {
    if (status !== undefined) throw new Error(`npm run cluster exited (${status}) before it was up`);
    if (Date.now() > deadline) throw new Error('npm run cluster was not up within 30 minutes');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  JSON.parse(readFileSync(stateFile, 'utf8')); // complete
  process.env.DONDOC_CLUSTER_STATE = stateFile;
}
