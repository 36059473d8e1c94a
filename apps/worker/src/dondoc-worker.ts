import { existsSync } from 'node:fs';
import { Connection, WorkflowClient } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { DondocConfig } from '@app/config';
import { connect, EventStore, migrate, type Sql } from '@app/event-store';
import { dondocDataConverter } from '@app/payload-codec';
import { dondocProjector } from '@app/read-models';
import { createActivities } from './activities';
import { bundleFromSource } from './workflow-bundle';

export interface RunningWorker {
  worker: Worker;
  /** Resolves when the worker has stopped (after shutdown, or on a fatal error). */
  done: Promise<void>;
  shutdown(): Promise<void>;
}

type WorkerConfig = Pick<DondocConfig, 'temporalNamespace' | 'taskQueue' | 'workflowBundlePath'> & Partial<Pick<DondocConfig, 'maxCachedWorkflows'>> & {
  webhookSecret?: string;
  databaseUrl: string;
  temporalAddress: string;
};

/** Connects to PostgreSQL and Temporal, applies migrations and polls the task queue. */
export async function startWorker(config: WorkerConfig): Promise<RunningWorker> {
  // Under the activities' 30 s: see ConnectOptions.
  const sql: Sql = connect(config.databaseUrl, { lockTimeoutMs: 20_000, statementTimeoutMs: 25_000 });
  await migrate(sql);
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  // The client side, for the activity that starts assignment workflows.
  const clientConnection = await Connection.connect({ address: config.temporalAddress });
  const workflows = new WorkflowClient({ connection: clientConnection, namespace: config.temporalNamespace, dataConverter: dondocDataConverter });
  const bundlePath = config.workflowBundlePath;
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    dataConverter: dondocDataConverter,
    ...(config.maxCachedWorkflows !== undefined && { maxCachedWorkflows: config.maxCachedWorkflows }),
    activities: createActivities({
      sql,
      eventStore: new EventStore(sql, new Map(), dondocProjector()),
      webhookSecret: config.webhookSecret ?? 'dondoc-dev-webhook-secret',
      workflows,
      taskQueue: config.taskQueue,
    }),
    ...(bundlePath && existsSync(bundlePath) ? { workflowBundle: { codePath: bundlePath } } : { workflowBundle: await bundleFromSource() }),
  });
  const done = worker.run().finally(async () => {
    await clientConnection.close();
    await connection.close();
    await sql.end({ timeout: 5 });
  });
  return {
    worker,
    done,
    shutdown: async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
