import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stopChild } from '../../libs/local-stack/src/child-process';
import { freePort } from '../../libs/local-stack/src/free-port';
import { stackAddresses } from './test-stack';

const dist = join(__dirname, '..', '..', 'dist');

/** The admin token every test app starts with (DONDOC_ADMIN_TOKEN), unless the test sets its own or ''. */
export const TEST_ADMIN_TOKEN = 'ddc_e2e-admin-token-do-not-use-in-production';

export interface TestApp {
  url: string;
  taskQueue: string;
  env: Record<string, string>;
  /** DONDOC_ADMIN_TOKEN of this app; undefined when the test started it without one. */
  adminToken: string | undefined;
  /** Everything the API process printed on stdout so far. */
  apiOutput(): string;
  /** Stops the worker (to test restarts); startWorker brings a new one on the same queue. */
  stopWorker(): Promise<void>;
  startWorker(): void;
  /** Sends the API SIGTERM (as Ctrl-C or a deploy does) and resolves with how it exited. */
  stopApi(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  close(): Promise<void>;
}

/**
 * The built API and worker (dist/, as production runs them) as child processes against the shared real stack,
 * on a task queue of their own. NestJS 12 ships ES modules, which jest on Node 20 cannot load in-process.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  if (!existsSync(join(dist, 'workflow-bundle.js'))) throw new Error('Run `npm run build` before the e2e tests (npm test does).');
  const { databaseUrl, temporalAddress } = stackAddresses();
  const port = await freePort();
  const taskQueue = `e2e-${randomUUID()}`;
  const fullEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DONDOC_SEED: 'false',
    DONDOC_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    ...env,
  };
  let worker = run('apps/worker/src/main.js', fullEnv);
  const api = run('apps/api/src/main.js', fullEnv, 'pipe');
  let apiOutput = '';
  api.stdout?.on('data', (chunk: Buffer) => (apiOutput += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${url}/health`, [api, worker]);
  } catch (error) {
    await Promise.all([stop(api), stop(worker)]);
    throw new Error(`${(error as Error).message}\nAPI output:\n${apiOutput}`);
  }
  return {
    url,
    taskQueue,
    env: fullEnv,
    adminToken: fullEnv.DONDOC_ADMIN_TOKEN || undefined,
    apiOutput: () => apiOutput,
    stopWorker: () => stop(worker),
    startWorker: () => {
      worker = run('apps/worker/src/main.js', fullEnv);
    },
    stopApi: async () => {
      await stop(api);
      return { code: api.exitCode, signal: api.signalCode };
    },
    close: async () => {
      await Promise.all([stop(api), stop(worker)]);
    },
  };
}

function run(script: string, env: Record<string, string>, stdout: 'ignore' | 'pipe' = 'ignore'): ChildProcess {
  return spawn(process.execPath, [join(dist, script)], { env, stdio: ['ignore', stdout, 'inherit'] });
}

/** SIGTERM, then SIGKILL past the API's 30 s drain that the graceful-shutdown test gives it. */
function stop(child: ChildProcess): Promise<void> {
  return stopChild(child, 45_000);
}

async function waitForHealth(url: string, children: ChildProcess[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (children.some((child) => child.exitCode !== null)) throw new Error('the API or the worker exited while starting');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} not healthy within 60 s`);
}

export interface HttpResult {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  body: any;
}

export async function http(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<HttpResult> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === 'string' || init.body instanceof Uint8Array ? init.body : JSON.stringify(init.body),
  });
  const text = await response.text();
  const body: unknown = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  return { status: response.status, headers: response.headers, body };
}
