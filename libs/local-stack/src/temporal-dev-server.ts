import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { lastLines, stopChild, waitFor } from './child-process';
import { DONDOC_SEARCH_ATTRIBUTES } from './search-attributes';

export interface DevServerOptions {
  cliPath: string;
  port: number;
  uiPort: number;
  /** SQLite file that keeps workflows across restarts; undefined keeps them in memory. */
  dbFile: string | undefined;
  namespace: string;
  headless?: boolean;
  /** Where the server's own log goes. */
  output?: 'inherit' | 'ignore';
}

export interface DevServer {
  address: string;
  uiUrl: string | undefined;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev` and waits until its frontend answers. */
export async function startTemporalDevServer(options: DevServerOptions): Promise<DevServer> {
  if (options.dbFile) mkdirSync(dirname(options.dbFile), { recursive: true });
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--ui-port', String(options.uiPort),
    '--namespace', options.namespace,
    '--log-level', 'warn',
    // Lets tests and users see a workflow's first task right after an update is accepted.
    '--dynamic-config-value', 'frontend.enableUpdateWorkflowExecution=true',
    ...(options.dbFile ? ['--db-filename', options.dbFile] : []),
    ...(options.headless ? ['--headless'] : []),
    ...Object.entries(DONDOC_SEARCH_ATTRIBUTES).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]),
  ];
  const inherit = options.output === 'inherit';
  const child = spawn(options.cliPath, args, { stdio: ['ignore', inherit ? 'inherit' : 'ignore', inherit ? 'inherit' : 'pipe'] });
  // Its last words, for the error when it does not come up (its log is otherwise not shown).
  const said = lastLines();
  child.stderr?.on('data', (chunk: Buffer) => said.keep(chunk.toString('utf8')));
  const address = `127.0.0.1:${options.port}`;
  try {
    await waitFor('Temporal dev server', () => probeTemporal(address, options.namespace), 60_000, () => exitReason(child));
  } catch (error) {
    await stopChild(child); // not left running after a timeout
    const reason = error instanceof Error ? error.message : String(error);
    const lines = said.lines();
    throw new Error(lines.length ? `${reason}; it said:\n  ${lines.join('\n  ')}` : reason);
  }
  return {
    address,
    pid: child.pid,
    uiUrl: options.headless ? undefined : `http://127.0.0.1:${options.uiPort}`,
    stop: () => stopChild(child),
  };
}

async function probeTemporal(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address, connectTimeout: 1000 });
  try {
    await connection.workflowService.describeNamespace({ namespace });
  } finally {
    await connection.close();
  }
}

function exitReason(child: ChildProcess): string | undefined {
  if (child.exitCode !== null) return `exit code ${child.exitCode}`;
  if (child.signalCode !== null) return `signal ${child.signalCode}`;
  return undefined;
}
