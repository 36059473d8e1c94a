// The baseline's worker process: the same SDK and defaults as apps/worker, polling the bench's baseline task queue.
import { NativeConnection, Worker } from '@temporalio/worker';
import { bundleBaselineWorkflows } from './bundle';
import type { BaselineActivities } from './workflows';

const activities: BaselineActivities = { noop: async () => undefined };

async function main(): Promise<void> {
  const address = process.env.TEMPORAL_ADDRESS ?? '';
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  const taskQueue = process.env.BENCH_BASELINE_TASK_QUEUE ?? '';
  if (!address || !taskQueue) throw new Error('baseline worker: TEMPORAL_ADDRESS and BENCH_BASELINE_TASK_QUEUE are required');
  const workflowBundle = await bundleBaselineWorkflows();
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({ connection, namespace, taskQueue, workflowBundle, activities });
  const stop = (): void => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.channel?.unref();
  process.once('disconnect', stop);
  const done = worker.run();
  console.log(`baseline worker polling task queue "${taskQueue}"`);
  await done;
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
