const WINDOW_MS = 60_000;
/** Past this many addresses tracked, expired windows are swept, at most once a window. */
const SWEEP_AT = 10_000;
/** Never more addresses than this: the oldest are forgotten first (a flood of rotating addresses). */
const MAX_TRACKED = 100_000;

interface Window {
  startedAt: number;
  /** The distinct unknown tokens presented: a revoked token sent again and again counts once. */
  tokens: Set<string>;
}

/**
 * Distinct unknown or revoked tokens per client address per minute. The request rate limit is keyed on the presented token,
 * so a client rotating made-up tokens would never reach it; past this limit its address is refused before any
 * lookup until the minute is over. Tokens that authenticated in the last minute are not refused: behind a shared
 * gateway or a load balancer, one client's made-up tokens must not lock out the others. Counted in this process's
 * memory; time is passed in.
 */
export class FailedAuthLimiter {
  private readonly windows = new Map<string, Window>();
  /** Hashes of tokens that authenticated, by when they last did: real tokens only, so it stays small. */
  private readonly recent = new Map<string, number>();
  private sweptAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly limit: number) {}

  get trackedAddresses(): number {
    return this.windows.size;
  }

  /** Seconds until this token may be tried from this address, or undefined when it may now. */
  retryAfter(address: string, tokenHash: string, nowMs: number): number | undefined {
    const window = this.current(address, nowMs);
    if (!window || window.tokens.size < this.limit) return undefined;
    const seen = this.recent.get(tokenHash);
    if (seen !== undefined && nowMs - seen < WINDOW_MS) return undefined;
    return Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - nowMs) / 1000));
  }

  recordFailure(address: string, tokenHash: string, nowMs: number): void {
    if (this.windows.size >= SWEEP_AT && nowMs - this.sweptAt >= WINDOW_MS) this.sweep(nowMs);
    const window = this.current(address, nowMs) ?? { startedAt: nowMs, tokens: new Set<string>() };
    if (window.tokens.size <= this.limit) window.tokens.add(tokenHash);
    this.windows.set(address, window);
    for (const oldest of this.windows.keys()) {
      if (this.windows.size <= MAX_TRACKED) break;
      this.windows.delete(oldest);
    }
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
    this.sweptAt = nowMs;
    for (const [address, window] of this.windows) if (nowMs - window.startedAt >= WINDOW_MS) this.windows.delete(address);
    for (const [hash, seen] of this.recent) if (nowMs - seen >= WINDOW_MS) this.recent.delete(hash);
  }
}
