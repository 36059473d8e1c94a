import { FailedAuthLimiter } from './failed-auth-limiter';

describe('FailedAuthLimiter', () => {
  const t0 = Date.parse('2026-12-02T08:00:00Z');

  it('lets an address fail up to the limit, then refuses it until its minute is over', () => {
    const limiter = new FailedAuthLimiter(3);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('10.0.0.1', `made-up-${i}`, t0 + i)).toBeUndefined();
      limiter.recordFailure('10.0.0.1', `made-up-${i}`, t0 + i);
    }
    expect(limiter.retryAfter('10.0.0.1', 'made-up-3', t0 + 1_000)).toBe(59);
    expect(limiter.retryAfter('10.0.0.1', 'made-up-3', t0 + 59_500)).toBe(1);
    expect(limiter.retryAfter('10.0.0.1', 'made-up-3', t0 + 60_000)).toBeUndefined();
  });

  it('counts a revoked token sent again and again once: a forgotten poller does not lock out its address', () => {
    const limiter = new FailedAuthLimiter(2);
    for (let i = 0; i < 100; i++) limiter.recordFailure('10.0.0.1', 'revoked', t0 + i * 500);
    expect(limiter.retryAfter('10.0.0.1', 'new-token', t0 + 50_000)).toBeUndefined();
  });

  it('counts each address on its own', () => {
    const limiter = new FailedAuthLimiter(1);
    limiter.recordFailure('10.0.0.1', 'x', t0);
    expect(limiter.retryAfter('10.0.0.1', 'any', t0)).toBeGreaterThan(0);
    expect(limiter.retryAfter('10.0.0.2', 'any', t0)).toBeUndefined();
  });

  it('does not refuse a token that authenticated in the last minute, from a refused address', () => {
    const limiter = new FailedAuthLimiter(1);
    limiter.recordSuccess('real', t0);
    limiter.recordFailure('10.0.0.1', 'x', t0 + 1_000);
    expect(limiter.retryAfter('10.0.0.1', 'real', t0 + 2_000)).toBeUndefined();
    expect(limiter.retryAfter('10.0.0.1', 'made-up', t0 + 2_000)).toBe(59);
    expect(limiter.retryAfter('10.0.0.1', 'real', t0 + 60_000)).toBe(1);
  });

  it('starts a new count once the minute is over', () => {
    const limiter = new FailedAuthLimiter(2);
    limiter.recordFailure('10.0.0.1', 'a', t0);
    limiter.recordFailure('10.0.0.1', 'b', t0 + 60_000);
    expect(limiter.retryAfter('10.0.0.1', 'any', t0 + 60_001)).toBeUndefined();
    limiter.recordFailure('10.0.0.1', 'c', t0 + 60_002);
    expect(limiter.retryAfter('10.0.0.1', 'any', t0 + 60_003)).toBe(60);
  });

  it('forgets expired addresses when many are tracked, so rotating addresses cannot grow it without bound', () => {
    const limiter = new FailedAuthLimiter(1);
    for (let i = 0; i < 10_000; i++) limiter.recordFailure(`10.0.${i >> 8}.${i & 255}`, 'x', t0);
    limiter.recordFailure('10.9.9.9', 'x', t0 + 61_000);
    expect(limiter.retryAfter('10.0.0.0', 'any', t0 + 61_000)).toBeUndefined();
    expect(limiter.trackedAddresses).toBe(1);
  });

  it('keeps at most 100,000 addresses, forgetting the oldest, and sweeps at most once a minute', () => {
    const limiter = new FailedAuthLimiter(1);
    for (let i = 0; i < 100_100; i++) limiter.recordFailure(`a${i}`, 'x', t0 + i / 10);
    expect(limiter.trackedAddresses).toBe(100_000);
    expect(limiter.retryAfter('a0', 'any', t0 + 10_010)).toBeUndefined();
    expect(limiter.retryAfter('a100099', 'any', t0 + 10_010)).toBeGreaterThan(0);
  });
});
