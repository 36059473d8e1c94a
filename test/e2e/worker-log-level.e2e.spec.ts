import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { assignmentWorkflowId } from '@app/contracts';
import { AgencyWebhookRepository } from '@app/read-models';
import { stackAddresses, testClient, testDatabase } from '../support/test-stack';
import { createDirective, eventually, FAR_DEADLINE, plan, send, stateOf, SUPERVISOR } from '../support/workflow-driver';

interface RunningWorker {
  taskQueue: string;
  /** What it wrote on stderr (the SDK's logger) so far. */
  stderr: () => string;
  stop: () => Promise<void>;
}

/** The built worker on a task queue of its own, once it polls. */
async function startBuiltWorker(logLevel: string): Promise<RunningWorker> {
  const { databaseUrl, temporalAddress } = stackAddresses();
  const taskQueue = `e2e-${randomUUID()}`;
  const worker = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'src', 'main.js')], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, TEMPORAL_TASK_QUEUE: taskQueue, LOG_LEVEL: logLevel },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  worker.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    worker.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('dondoc worker polling') && resolve());
    worker.once('exit', (code) => reject(new Error(`worker exited ${code}: ${stderr}`)));
  });
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  return {
    taskQueue,
    stderr: () => stderr,
    stop: async () => {
      worker.kill('SIGTERM');
      await exited;
    },
  };
}

/** A local port nothing listens on: a receiver that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function workerLogUntilPolling(logLevel: string): Promise<string> {
  const worker = await startBuiltWorker(logLevel);
  await worker.stop();
  return worker.stderr();
}

describe('LOG_LEVEL sets the worker’s log level as it does the API’s', () => {
  it('logs the SDK’s INFO lines at info and keeps them back at warn', async () => {
    expect(await workerLogUntilPolling('info')).toMatch(/\[INFO\] /);
    expect(await workerLogUntilPolling('warn')).not.toMatch(/\[INFO\] /);
  });

  it('says in one line per attempt that an agency’s webhook is down, without a stack trace at every retry', async () => {
    const agency = 'UBKTTU'; // no other test gives it a webhook
    const sql = await testDatabase();
    const client = await testClient();
    const worker = await startBuiltWorker('info');
    try {
      const port = await closedPort();
      await new AgencyWebhookRepository(sql).set(agency, `http://127.0.0.1:${port}/hooks/dondoc`, 'whsec_e2e-dead-receiver');
      const id = `DEAD-${randomUUID().slice(0, 8)}`;
      await createDirective(client, worker.taskQueue, [plan(id, { agencies: [{ agency, role: 'lead' }], deadline: FAR_DEADLINE })]);
      // The first post and the retry two seconds later.
      const failures = (log: string) => log.split('\n').filter((line) => line.includes('Webhook delivery failed (will retry)'));
      await eventually(async () => worker.stderr(), (log) => failures(log).length >= 2, 30_000);
      // fetch's own words and why: the receiver refused the connection.
      expect(failures(worker.stderr())[0]).toMatch(/\[WARN\] .*UBKTTU: fetch failed \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)/);
      expect(worker.stderr()).not.toMatch(/^\s+at /m);
      // The attempt's metadata on the same line: a log shipper takes each line for an entry.
      expect(failures(worker.stderr())[0]).toMatch(/\battempt: 1\b/);
      expect(failures(worker.stderr())[0]).toMatch(/activityType: 'deliverNotifications'/);
      expect(worker.stderr().split('\n').filter((line) => line !== '' && !/^\d{4}-\d\d-\d\dT/.test(line))).toEqual([]);
    } finally {
      await new AgencyWebhookRepository(sql).remove(agency);
      await worker.stop();
      await client.connection.close();
      await sql.end();
    }
  });

  it('withdraws an "each of" assignment without a warning per district (each track reporting to a parent already withdrawn)', async () => {
    const client = await testClient();
    const worker = await startBuiltWorker('info');
    try {
      const id = `EACH-${randomUUID().slice(0, 8)}`;
      const districts = ['BTV-HUONGSON', 'BTV-CANLOC', 'BTV-KYANH'];
      await createDirective(client, worker.taskQueue, [plan(id, { kind: 'eachOf', agencies: districts.map((agency) => ({ agency, role: 'lead' as const })), deadline: FAR_DEADLINE })]);
      for (const code of districts) await eventually(() => stateOf(client, `${id}.${code}`), (s) => s?.stage === 'received');
      await send(client, id, { type: 'Withdraw', reason: 'Đã có văn bản thay thế' }, SUPERVISOR);
      for (const code of districts) await eventually(() => client.workflow.getHandle(assignmentWorkflowId(`${id}.${code}`)).describe(), (d) => d.status.name === 'COMPLETED');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(worker.stderr().split('\n').filter((line) => line.includes('[WARN]'))).toEqual([]);
    } finally {
      await worker.stop();
      await client.connection.close();
    }
  });
});
