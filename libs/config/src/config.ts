import { ConfigError } from './config-error';

/** Everything dondoc reads from the environment, parsed and validated once at boot. */
export interface DondocConfig {
  /** HTTP port of the API. */
  port: number;
  host: string;
  /** PostgreSQL connection string; undefined means "start embedded PostgreSQL" (dev launcher only). */
  databaseUrl: string | undefined;
  /** host:port of an existing Temporal frontend; undefined means "start the dev server" (dev launcher only). */
  temporalAddress: string | undefined;
  temporalNamespace: string;
  taskQueue: string;
  dataDir: string;
  /** Where built tools (the Temporal CLI) are cached, outside the clone. */
  cacheDir: string;
  adminToken: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  temporalUiUrl: string | undefined;
  /** Path of a prebuilt workflow bundle; unset means dist/workflow-bundle.js (a missing file: bundle workflows/ at worker start). */
  workflowBundlePath: string | undefined;
  /** Secret used to sign webhook bodies (HMAC-SHA256). */
  webhookSecret: string;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /**
   * How long the API waits for a workflow to answer a command or a directive's creation (no worker polling, say)
   * before answering 503; what was sent still runs once a worker takes it.
   */
  updateTimeoutMs: number;
  /**
   * API shutdown (SIGTERM, Ctrl-C): how long requests already running may take to finish once the API stops taking
   * new connections; what is still running after it is cut off.
   */
  shutdownGraceMs: number;
  /** Requests allowed per token (or address) per minute. */
  rateLimitPerMinute: number;
  /** Unknown or revoked tokens allowed per client address per minute, before the address is refused for that minute. */
  authFailuresPerMinute: number;
  /**
   * Workflows a worker keeps in memory between their tasks (the sticky cache); an evicted one is replayed from its
   * history on its next task. Bounds the worker's memory whatever the number of open assignments.
   */
  maxCachedWorkflows: number;
  /** Worker: where the SDK serves its Prometheus metrics (host:port); none when unset. */
  workerMetricsAddress?: string;
  /** Import the seed notice on first start. */
  seedOnStart: boolean;
  /** Deadlines, in Vietnamese working days, for imported items that state none: overall and per stage. */
  importPolicy: ImportPolicy;
}

export interface ImportPolicy {
  deadlineDays: number;
  acknowledgeDays: number;
  proposeDays: number;
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env, defaults: { homeDir: string; cwd: string }): DondocConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const str = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };
  const logLevel = (str('LOG_LEVEL') ?? 'info') as DondocConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const databaseUrl = str('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const hostPort = (name: string, example: string): string | undefined => {
    const value = str(name);
    if (value && !/^[^:/\s]+:\d+$/.test(value)) problems.push(`${name} must be host:port, e.g. ${example}`);
    return value;
  };
  const temporalAddress = hostPort('TEMPORAL_ADDRESS', '127.0.0.1:7233');
  const workerMetricsAddress = hostPort('DONDOC_WORKER_METRICS_ADDRESS', '0.0.0.0:9464');
  const bodyLimit = byteSize(str('DONDOC_BODY_LIMIT') ?? '1mb');
  if (bodyLimit === undefined) problems.push(`DONDOC_BODY_LIMIT must be a size from 1kb to 1gb, e.g. 1mb or 512kb, got "${env.DONDOC_BODY_LIMIT}"`);
  for (const name of ['DATABASE_URL', 'DONDOC_ADMIN_TOKEN', 'DONDOC_WEBHOOK_SECRET']) {
    if (env[name]?.includes('CHANGE-ME')) problems.push(`${name} still holds the example's placeholder (CHANGE-ME): set a real value`);
  }
  const cacheHome = str('XDG_CACHE_HOME') ?? `${defaults.homeDir}/.cache`;
  const config: DondocConfig = {
    port: int('PORT', 3000, 0, 65535),
    host: str('HOST') ?? '127.0.0.1',
    databaseUrl,
    temporalAddress,
    temporalNamespace: str('TEMPORAL_NAMESPACE') ?? 'default',
    taskQueue: str('TEMPORAL_TASK_QUEUE') ?? 'dondoc',
    dataDir: absolute(str('DONDOC_DATA_DIR') ?? '.data', defaults.cwd),
    cacheDir: absolute(str('DONDOC_CACHE_DIR') ?? `${cacheHome}/dondoc`, defaults.cwd),
    adminToken: str('DONDOC_ADMIN_TOKEN'),
    logLevel,
    temporalUiUrl: str('TEMPORAL_UI_URL'),
    workflowBundlePath: str('DONDOC_WORKFLOW_BUNDLE'),
    webhookSecret: str('DONDOC_WEBHOOK_SECRET') ?? 'dondoc-dev-webhook-secret',
    bodyLimit: bodyLimit ?? 0,
    updateTimeoutMs: int('DONDOC_UPDATE_TIMEOUT_SECONDS', 120, 1, 3600) * 1000,
    shutdownGraceMs: int('DONDOC_SHUTDOWN_GRACE_SECONDS', 10, 0, 600) * 1000,
    rateLimitPerMinute: int('DONDOC_RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    authFailuresPerMinute: int('DONDOC_AUTH_FAILURES_PER_MINUTE', 60, 1, 1_000_000),
    maxCachedWorkflows: int('DONDOC_WORKER_MAX_CACHED_WORKFLOWS', 500, 0, 1_000_000),
    ...(workerMetricsAddress && { workerMetricsAddress }),
    seedOnStart: (str('DONDOC_SEED') ?? 'true') !== 'false',
    importPolicy: {
      deadlineDays: int('DONDOC_IMPORT_DEADLINE_DAYS', 30, 1, 3650),
      acknowledgeDays: int('DONDOC_IMPORT_ACKNOWLEDGE_DAYS', 3, 1, 3650),
      proposeDays: int('DONDOC_IMPORT_PROPOSE_DAYS', 15, 1, 3650),
    },
  };
  const policy = config.importPolicy;
  if (!(policy.acknowledgeDays <= policy.proposeDays && policy.proposeDays <= policy.deadlineDays)) {
    problems.push('DONDOC_IMPORT_ACKNOWLEDGE_DAYS ≤ DONDOC_IMPORT_PROPOSE_DAYS ≤ DONDOC_IMPORT_DEADLINE_DAYS must hold');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const BYTE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** "1mb", "512 KB", "1048576" (bytes) as body-parser reads them; undefined for anything else or outside 1 KiB–1 GiB. */
function byteSize(raw: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(raw);
  if (!match) return undefined;
  const bytes = Math.floor(Number(match[1]) * BYTE_UNITS[(match[2] ?? 'b').toLowerCase()]);
  return bytes >= 1024 && bytes <= 1024 ** 3 ? bytes : undefined;
}

function absolute(path: string, cwd: string): string {
  return path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path.replace(/^\.\//, '')}`;
}

/** Reads the process environment: the only place in the apps that touches process.env (infra scripts and the bench read their own). */
export function configFromProcess(): DondocConfig {
  return loadConfig(process.env, { homeDir: process.env.HOME ?? '/tmp', cwd: process.cwd() });
}
