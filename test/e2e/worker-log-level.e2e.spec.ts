import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { stackAddresses } from '../support/test-stack';

/** What the built worker writes on stderr (the SDK's logger) until it polls, then it is stopped. */
async function workerLogUntilPolling(logLevel: string): Promise<string> {
  const { databaseUrl, temporalAddress } = stackAddresses();
  const worker = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'src', 'main.js')], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, TEMPORAL_TASK_QUEUE: `e2e-${randomUUID()}`, LOG_LEVEL: logLevel },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  worker.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    worker.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('dondoc worker polling') && resolve());
    worker.once('exit', (code) => reject(new Error(`worker exited ${code}: ${stderr}`)));
  });
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  worker.kill('SIGTERM');
  await exited;
  return stderr;
}

describe('LOG_LEVEL sets the worker’s log level as it does the API’s', () => {
  it('logs the SDK’s INFO lines at info and keeps them back at warn', async () => {
    expect(await workerLogUntilPolling('info')).toMatch(/\[INFO\] /);
    expect(await workerLogUntilPolling('warn')).not.toMatch(/\[INFO\] /);
  });
});
