const WINDOW_MS = 60_000;
/** Past this many addresses tracked, expired windows are swept on the next failure. */
const SWEEP_AT = 10_000;

interface Window {
  startedAt: number;
  failures: number;
}

/**
 * Unknown or revoked tokens per client address per minute. The request rate limit is keyed on the presented token,
 * so a client rotating made-up tokens would never reach it; past this limit its address is refused before any
 * lookup until the minute is over. Tokens that authenticated in the last minute are not refused: behind a shared
 * gateway or a load balancer, one client's made-up tokens must not lock out the others. Counted in this process's
 * memory; time is passed in.
 */
export class FailedAuthLimiter {
  private readonly windows = new Map<string, Window>();
  /** Hashes of tokens that authenticated, by when they last did: real tokens only, so it stays small. */
  private readonly recent = new Map<string, number>();

  constructor(private readonly limit: number) {}

  get trackedAddresses(): number {
    return this.windows.size;
  }

  /** Seconds until this token may be tried from this address, or undefined when it may now. */
  retryAfter(address: string, tokenHash: string, nowMs: number): number | undefined {
    const window = this.current(address, nowMs);
    if (!window || window.failures < this.limit) return undefined;
    const seen = this.recent.get(tokenHash);
    if (seen !== undefined && nowMs - seen < WINDOW_MS) return undefined;
    return Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - nowMs) / 1000));
  }

  recordFailure(address: string, nowMs: number): void {
    if (this.windows.size >= SWEEP_AT) this.sweep(nowMs);
    const window = this.current(address, nowMs) ?? { startedAt: nowMs, failures: 0 };
    window.failures += 1;
    this.windows.set(address, window);
  }

  recordSuccess(tokenHash: string, nowMs: number): void {
    this.recent.set(tokenHash, nowMs);
  }

  private current(address: string, nowMs: number): Window | undefined {
    const window = this.windows.get(address);
    if (window && nowMs - window.startedAt < WINDOW_MS) return window;
    this.windows.delete(address);
    return undefined;
  }

  private sweep(nowMs: number): void {
    for (const [address, window] of this.windows) if (nowMs - window.startedAt >= WINDOW_MS) this.windows.delete(address);
    for (const [hash, seen] of this.recent) if (nowMs - seen >= WINDOW_MS) this.recent.delete(hash);
  }
}
