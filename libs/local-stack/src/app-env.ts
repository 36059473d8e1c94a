/**
 * glibc's malloc gives a multi-threaded process up to 8 arenas per core and seldom returns their pages: the worker
 * (Node, its workflow thread, the Temporal core's Rust threads) stayed at ~1.1 GiB after creating 10,000 workflows.
 * With two arenas it went back to ~570 MiB at rest. The production image sets the same (infra/deploy/Dockerfile).
 */
const APP_DEFAULTS: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

/** The environment to start dondoc's worker or API with locally: these defaults, unless `env` sets them. */
export function appProcessEnv<T extends Record<string, string | undefined>>(env: T): T {
  return { ...APP_DEFAULTS, ...env };
}
