import { oneLineLogEntry } from './worker-runtime';

describe('the worker log line', () => {
  const at = BigInt(Date.UTC(2026, 11, 3, 10, 0, 0)) * 1_000_000n;

  it('keeps an entry and its metadata on one line, with the time in UTC', () => {
    const meta = { namespace: 'default', taskQueue: 'dondoc', activityType: 'deliverNotifications', workflowId: 'assignment-TB-1', attempt: 2, error: 'fetch failed\n  at x' };
    const line = oneLineLogEntry({ level: 'WARN', message: 'Webhook delivery failed (will retry)', meta, timestampNanos: at });
    expect(line).toBe(
      "2026-12-03T10:00:00.000Z [WARN] Webhook delivery failed (will retry) { namespace: 'default', taskQueue: 'dondoc', activityType: 'deliverNotifications', workflowId: 'assignment-TB-1', attempt: 2, error: 'fetch failed\\n  at x' }\n",
    );
  });

  it('writes no braces for an entry without metadata', () => {
    expect(oneLineLogEntry({ level: 'INFO', message: 'Worker state changed', timestampNanos: at })).toBe('2026-12-03T10:00:00.000Z [INFO] Worker state changed\n');
  });
});
