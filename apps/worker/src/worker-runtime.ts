import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import type { DondocConfig } from '@app/config';

const SDK_LEVELS: Record<Exclude<DondocConfig['logLevel'], 'silent'>, LogLevel> = {
  fatal: 'ERROR',
  error: 'ERROR',
  warn: 'WARN',
  info: 'INFO',
  debug: 'DEBUG',
  trace: 'TRACE',
};

/**
 * The SDK's runtime, once per process and before any connection: its logger at LOG_LEVEL (the worker logs through
 * the SDK, the API through pino) and, with DONDOC_WORKER_METRICS_ADDRESS, its Prometheus metrics (task slots,
 * schedule-to-start and local-activity latencies, sticky cache hits).
 */
export function installWorkerRuntime(config: Pick<DondocConfig, 'logLevel' | 'workerMetricsAddress'>): void {
  const logger = config.logLevel === 'silent' ? new DefaultLogger('ERROR', () => undefined) : new DefaultLogger(SDK_LEVELS[config.logLevel]);
  Runtime.install({
    logger,
    ...(config.workerMetricsAddress && { telemetryOptions: { metrics: { prometheus: { bindAddress: config.workerMetricsAddress } } } }),
  });
}
