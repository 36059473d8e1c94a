import { ConfigError } from './config-error';
import { loadConfig } from './config';

const defaults = { homeDir: '/home/cb', cwd: '/srv/dondoc' };

describe('loadConfig', () => {
  it('gives the embedded defaults when nothing is set', () => {
    const config = loadConfig({}, defaults);
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      temporalAddress: undefined,
      temporalNamespace: 'default',
      taskQueue: 'dondoc',
      dataDir: '/srv/dondoc/.data',
      cacheDir: '/home/cb/.cache/dondoc',
      importPolicy: { deadlineDays: 30, acknowledgeDays: 3, proposeDays: 15 },
      maxCachedWorkflows: 500,
      rateLimitPerMinute: 600,
      authFailuresPerMinute: 60,
      bodyLimit: 1024 * 1024,
      updateTimeoutMs: 120_000,
      shutdownGraceMs: 10_000,
    });
    expect(config.workerMetricsAddress).toBeUndefined();
  });

  it('reads the production variables', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://db/dondoc', TEMPORAL_ADDRESS: 'temporal:7233', DONDOC_SHUTDOWN_GRACE_SECONDS: '0', DONDOC_IMPORT_PROPOSE_DAYS: '10', DONDOC_WORKER_MAX_CACHED_WORKFLOWS: '250', DONDOC_WORKER_METRICS_ADDRESS: '0.0.0.0:9464', DONDOC_AUTH_FAILURES_PER_MINUTE: '10', DONDOC_BODY_LIMIT: '64MB' }, defaults);
    expect(config).toMatchObject({ shutdownGraceMs: 0, bodyLimit: 64 * 1024 * 1024, authFailuresPerMinute: 10, port: 8080, databaseUrl: 'postgres://db/dondoc', temporalAddress: 'temporal:7233', importPolicy: { proposeDays: 10 }, maxCachedWorkflows: 250, workerMetricsAddress: '0.0.0.0:9464' });
  });

  it('refuses bad values with every problem named at once', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', DONDOC_SHUTDOWN_GRACE_SECONDS: '-1', TEMPORAL_ADDRESS: 'http://x', DONDOC_WORKER_METRICS_ADDRESS: '9464', DONDOC_IMPORT_ACKNOWLEDGE_DAYS: '20', DONDOC_BODY_LIMIT: '10MiB' }, defaults);
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'TEMPORAL_ADDRESS must be host:port, e.g. 127.0.0.1:7233',
        'DONDOC_WORKER_METRICS_ADDRESS must be host:port, e.g. 0.0.0.0:9464',
        'DONDOC_BODY_LIMIT must be a size from 1kb to 1gb, e.g. 1mb or 512kb, got "10MiB"',
        'PORT must be an integer from 0 to 65535, got "eighty"',
        'DONDOC_SHUTDOWN_GRACE_SECONDS must be an integer from 0 to 600, got "-1"',
        'DONDOC_IMPORT_ACKNOWLEDGE_DAYS ≤ DONDOC_IMPORT_PROPOSE_DAYS ≤ DONDOC_IMPORT_DEADLINE_DAYS must hold',
      ]);
    }
  });

  it.each(['abc', '5M', '10 MiB', '0', '100b', '2gb'])('refuses the body limit "%s", which body-parser would misread or refuse at the first request', (limit) => {
    expect(() => loadConfig({ DONDOC_BODY_LIMIT: limit }, defaults)).toThrow(/DONDOC_BODY_LIMIT must be a size/);
  });

  it('reads a body limit in bytes or with a unit, in either case', () => {
    expect(loadConfig({ DONDOC_BODY_LIMIT: '2048' }, defaults).bodyLimit).toBe(2048);
    expect(loadConfig({ DONDOC_BODY_LIMIT: '1.5 KB' }, defaults).bodyLimit).toBe(1536);
  });

  it('refuses the deploy example\'s placeholders, which would otherwise run as a public admin token and signing key', () => {
    const attempt = () => loadConfig({ DONDOC_ADMIN_TOKEN: 'CHANGE-ME-at-least-16-characters', DONDOC_WEBHOOK_SECRET: 'CHANGE-ME' }, defaults);
    expect(attempt).toThrow(/DONDOC_ADMIN_TOKEN still holds the example's placeholder/);
    expect(attempt).toThrow(/DONDOC_WEBHOOK_SECRET still holds/);
  });
});
