import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../libs/local-stack/src/free-port';
import { http, TEST_ADMIN_TOKEN } from '../support/test-app';
import { bearer } from '../support/tokens';
import { ONE_ASSIGNMENT } from '../support/plans';

const launcher = join(__dirname, '..', '..', 'dist', 'infra', 'dev', 'start.js');

const launched: ChildProcess[] = [];
afterAll(() => {
  for (const child of launched) if (child.exitCode === null) child.kill('SIGTERM');
});

/** `npm start` on embedded defaults: no DATABASE_URL, no TEMPORAL_ADDRESS. */
function start(dataDir: string, port: number): { child: ChildProcess; output: () => string; up: Promise<void> } {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DONDOC_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DONDOC_ADMIN_TOKEN: TEST_ADMIN_TOKEN };
  // A process group of its own, as a terminal gives it: Ctrl-C there reaches every process in it.
  const child = spawn(process.execPath, [launcher], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  launched.push(child);
  let output = '';
  const up = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Press Ctrl-C to stop')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`launcher exited with ${code}:\n${output}`)));
    setTimeout(() => reject(new Error(`launcher not up within 150 s:\n${output}`)), 150_000).unref();
  });
  return { child, output: () => output, up };
}

/** SIGTERM to the launcher, or Ctrl-C in its terminal: SIGINT to its whole process group. */
function stopped(child: ChildProcess, how: 'SIGTERM' | 'Ctrl-C' = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    if (how === 'SIGTERM') child.kill('SIGTERM');
    else process.kill(-child.pid!, 'SIGINT');
  });
}

/** The processes still running on this data folder: PostgreSQL and the dev server by their arguments, the apps by their environment. */
function runningOn(dataDir: string): number[] {
  const pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map(Number).filter((pid) => pid !== process.pid);
  return pids.filter((pid) => {
    try {
      return ['cmdline', 'environ'].some((file) => readFileSync(`/proc/${pid}/${file}`, 'latin1').includes(dataDir));
    } catch {
      return false; // gone meanwhile
    }
  });
}

async function seedDirectives(api: string): Promise<string[]> {
  const list = await http(`${api}/api/directives`, { headers: bearer(TEST_ADMIN_TOKEN) });
  return (list.body as { directiveId: string }[]).map((d) => d.directiveId).filter((id) => id.startsWith('BTVTU-2023-03-22-'));
}

describe('npm start on embedded defaults', () => {
  jest.setTimeout(240_000);

  it('serves /health with Temporal and embedded PostgreSQL up, stops cleanly, and keeps the data for the next start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dondoc-start-'));
    chmodSync(dataDir, 0o755);
    const port = await freePort();
    const api = `http://127.0.0.1:${port}`;

    const first = start(dataDir, port);
    await first.up;
    expect(first.output()).toContain('OpenAPI docs');
    expect(first.output()).toContain('Temporal UI');
    const health = await http(`${api}/health`);
    expect(health.body).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, temporal: { status: 'up' } } });
    // The seed notice was imported on this first start: section 3's four assignments, A3 fanned out to 13 districts.
    expect(first.output()).toContain('imported the seed notice');
    const seeded = await seedDirectives(api);
    expect(seeded).toHaveLength(1);
    const assignments = await http(`${api}/api/assignments?directive=${seeded[0]}&limit=100`, { headers: bearer(TEST_ADMIN_TOKEN) });
    expect(assignments.body.items.filter((a: { kind: string }) => a.kind !== 'track')).toHaveLength(4);
    expect(assignments.body.items.filter((a: { kind: string }) => a.kind === 'track')).toHaveLength(13);
    expect((await http(`${api}/api/directives`, { method: 'POST', headers: bearer(TEST_ADMIN_TOKEN), body: { id: 'TB-KEEP', title: 'Giữ lại sau khi khởi động lại', assignments: ONE_ASSIGNMENT } })).status).toBe(201);
    expect(await stopped(first.child)).toBe(0);
    expect(first.output()).toContain('data kept for the next start');
    await expect(fetch(`${api}/health`)).rejects.toThrow();

    const second = start(dataDir, port);
    await second.up;
    const kept = await http(`${api}/api/directives/TB-KEEP`, { headers: bearer(TEST_ADMIN_TOKEN) });
    expect(kept.body).toMatchObject({ directiveId: 'TB-KEEP', title: 'Giữ lại sau khi khởi động lại' });
    expect(second.output()).not.toContain('imported the seed notice');
    expect(await seedDirectives(api)).toEqual(seeded);

    // A second start while this one runs is refused at once, saying why: the API's port, then the data in use.
    const samePort = start(dataDir, port);
    await expect(samePort.up).rejects.toThrow(`Port ${port} on 127.0.0.1 is in use`);
    const sameData = start(dataDir, await freePort());
    await expect(sameData.up).rejects.toThrow(/is in use by PostgreSQL \(pid \d+\), probably another dondoc/);
    expect((await http(`${api}/health`)).status).toBe(200);
    // Ctrl-C in the terminal: the stack runs in a group of its own, so it stops in order (the worker before the
    // PostgreSQL it writes to) and `npm start` returns only once nothing of it runs on.
    expect(runningOn(dataDir).length).toBeGreaterThanOrEqual(4);
    expect(await stopped(second.child, 'Ctrl-C')).toBe(0);
    expect(second.output()).toContain('data kept for the next start');
    expect(second.output()).not.toContain('ECONNREFUSED');
    expect(runningOn(dataDir)).toEqual([]);
  });
});
