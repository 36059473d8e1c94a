import { inspect } from 'node:util';
import { DefaultLogger, Runtime, type LogEntry, type LogLevel } from '@temporalio/worker';
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
 * One line per entry, its metadata (the activity's or workflow's ids and attempt) on that line: the SDK's own writes
 * an object over a dozen lines, which a log shipper splits into entries of their own.
 */
export function oneLineLogEntry({ level, message, meta, timestampNanos }: LogEntry): string {
  const time = new Date(Number(timestampNanos / 1_000_000n)).toISOString();
  const details = meta === undefined ? '' : ` ${inspect(meta, { breakLength: Infinity, depth: 4 })}`;
  return `${time} [${level}] ${message}${details}\n`;
}

const writeLine = (entry: LogEntry): void => void process.stderr.write(oneLineLogEntry(entry));

/**
 * The SDK's runtime, once per process and before any connection: its logger at LOG_LEVEL (the worker logs through
 * the SDK, the API through pino) and, with DONDOC_WORKER_METRICS_ADDRESS, its Prometheus metrics (task slots,
 * schedule-to-start and local-activity latencies, sticky cache hits).
 */
export function installWorkerRuntime(config: Pick<DondocConfig, 'logLevel' | 'workerMetricsAddress'>): void {
  const logger = config.logLevel === 'silent' ? new DefaultLogger('ERROR', () => undefined) : new DefaultLogger(SDK_LEVELS[config.logLevel], writeLine);
  Runtime.install({
    logger,
    ...(config.workerMetricsAddress && { telemetryOptions: { metrics: { prometheus: { bindAddress: config.workerMetricsAddress } } } }),
  });
}
