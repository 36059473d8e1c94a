import './stack-traces';
import { join } from 'node:path';
import { configFromProcess } from '@app/config';
import { startWorker } from './dondoc-worker';
import { installWorkerRuntime } from './worker-runtime';

async function main(): Promise<void> {
  const config = configFromProcess();
  if (!config.databaseUrl || !config.temporalAddress) {
    throw new Error('The worker needs DATABASE_URL and TEMPORAL_ADDRESS (npm start sets both for you).');
  }
  installWorkerRuntime(config);
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
