/**
 * glibc's malloc gives a multi-threaded process up to 8 arenas per core, each keeping pages it freed. The worker
 * (Node, its workflow thread, the Temporal core's Rust threads) with 10,000 open workflows held 370–377 MiB at rest
 * with two arenas against 414–436 MiB with glibc's default count (docs/performance.md). The production image sets
 * the same (infra/deploy/Dockerfile).
 */
const APP_DEFAULTS: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

/**
 * How long a launcher waits for dondoc's worker or API to stop before SIGKILL: the API's drain
 * (DONDOC_SHUTDOWN_GRACE_SECONDS) and then closing its pool and Temporal connection; the worker's drain of its tasks.
 */
export function appStopGraceMs(shutdownGraceMs: number): number {
  return Math.max(15_000, shutdownGraceMs + 10_000);
}

/** The environment to start dondoc's worker or API with locally: these defaults, unless `env` sets them. */
export function appProcessEnv<T extends Record<string, string | undefined>>(env: T): T {
  return { ...APP_DEFAULTS, ...env };
}
