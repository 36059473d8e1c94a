import './stack-traces';
import { join } from 'node:path';
import { Runtime } from '@temporalio/worker';
import { configFromProcess } from '@app/config';
import { startWorker } from './dondoc-worker';

async function main(): Promise<void> {
  const config = configFromProcess();
  if (!config.databaseUrl || !config.temporalAddress) {
    throw new Error('The worker needs DATABASE_URL and TEMPORAL_ADDRESS (npm start sets both for you).');
  }
  // Before any connection: the SDK's runtime (and its metrics: task slots, schedule-to-start and local-activity
  // latencies, sticky cache hits) is set once per process.
  if (config.workerMetricsAddress) Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress: config.workerMetricsAddress } } } });
  const running = await startWorker({
    ...config,
    databaseUrl: config.databaseUrl,
    temporalAddress: config.temporalAddress,
    workflowBundlePath: config.workflowBundlePath ?? join(__dirname, '..', '..', '..', 'workflow-bundle.js'),
  });
  console.log(`dondoc worker polling task queue "${config.taskQueue}" on ${config.temporalAddress}`);
  const stop = (): void => void running.shutdown();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Started by `npm start`: stop when the launcher goes away; the channel alone must not keep us alive.
  process.channel?.unref();
  process.once('disconnect', stop);
  await running.done;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
