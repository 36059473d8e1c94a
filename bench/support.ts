import { decideAssignment, EVENT_SCHEMA_VERSION, evolveAssignment, initialAssignmentState, type AssignmentCommand, type AssignmentState } from '@app/domain';
import type { NewEvent } from '@app/event-store';
import { readFileSync } from 'node:fs';

const started = Date.now();

/** Progress on stderr-free stdout, with the time since the bench started. */
export function progress(line: string): void {
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
}

export function elapsedSeconds(): number {
  return (Date.now() - started) / 1000;
}

/** Nearest-rank percentile of milliseconds. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export interface LatencyStats {
  count: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

export function latencyStats(samples: readonly number[]): LatencyStats {
  const total = samples.reduce((sum, value) => sum + value, 0);
  return {
    count: samples.length,
    p50: round(percentile(samples, 50)),
    p99: round(percentile(samples, 99)),
    mean: round(samples.length ? total / samples.length : Number.NaN),
    max: round(samples.length ? Math.max(...samples) : Number.NaN),
  };
}

export const round = (value: number, digits = 2): number => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs op(client, i) for i = 0…count-1 with `clients` in flight; returns each call's latency in ms. */
export async function closedLoop(clients: number, count: number, op: (client: number, i: number) => Promise<unknown>, label?: string): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  let lastReport = Date.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (;;) {
        const i = next++;
        if (i >= count) return;
        const t0 = performance.now();
        await op(client, i);
        latencies.push(performance.now() - t0);
        if (label && Date.now() - lastReport > 5000) {
          lastReport = Date.now();
          progress(`  ${label}: ${latencies.length}/${count}`);
        }
      }
    }),
  );
  return latencies;
}

/** `clients` loops calling op for durationMs; completed calls per second, and their latencies. */
export async function throughput(clients: number, durationMs: number, op: (client: number, i: number) => Promise<unknown>): Promise<{ perSecond: number; completed: number; latencies: number[] }> {
  const latencies: number[] = [];
  const t0 = performance.now();
  const end = t0 + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; performance.now() < end; i++) {
        const s = performance.now();
        await op(client, i);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { perSecond: latencies.length / seconds, completed: latencies.length, latencies };
}

/** Resident and peak resident set of a process in bytes (Linux /proc), undefined when unreadable. */
export function memoryOf(pid: number | undefined): { rss: number; peak: number } | undefined {
  if (!pid) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string): number => {
      const match = new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status);
      return match ? Number(match[1]) * 1024 : Number.NaN;
    };
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** CPU seconds a process has used (user + system), from /proc; undefined where there is no /proc. */
function cpuSecondsOf(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * CPU milliseconds each process spends per unit of work while `work` runs (its result is the number of units):
 * steadier than wall-clock rates on a shared machine, and it says which process the time goes to.
 */
export async function cpuMsPerUnit<K extends string>(pids: Record<K, number | undefined>, work: () => Promise<number>): Promise<Record<K, number | undefined>> {
  const entries = Object.entries(pids) as [K, number | undefined][];
  const before = entries.map(([, pid]) => (pid === undefined ? undefined : cpuSecondsOf(pid)));
  const units = await work();
  return Object.fromEntries(
    entries.map(([name, pid], i) => {
      const start = before[i];
      const end = pid === undefined ? undefined : cpuSecondsOf(pid);
      return [name, start === undefined || end === undefined || units <= 0 ? undefined : round(((end - start) * 1000) / units, 2)];
    }),
  ) as Record<K, number | undefined>;
}

/**
 * Waits (at most maxMs) until the processes together use under a tenth of a core over half a second: work queued by
 * what ran before (new workflows' first tasks, a backlog) would otherwise land in the next measurement.
 */
export async function settle(pids: (number | undefined)[], maxMs = 60_000): Promise<void> {
  const known = pids.filter((pid): pid is number => pid !== undefined);
  const total = (): number => known.reduce((sum, pid) => sum + (cpuSecondsOf(pid) ?? 0), 0);
  const until = Date.now() + maxMs;
  let last = total();
  while (Date.now() < until) {
    await sleep(500);
    const now = total();
    if (now - last < 0.05) return;
    last = now;
  }
}

export interface HttpAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench reads arbitrary JSON
  body: any;
}

export async function http(url: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<HttpAnswer> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

/** As http, but a status other than `expected` throws with the body. */
export async function httpOk(url: string, init: { method?: string; body?: unknown; token?: string } = {}, expected = 200): Promise<HttpAnswer> {
  const answer = await http(url, init);
  if (answer.status !== expected) throw new Error(`${init.method ?? 'GET'} ${url} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`);
  return answer;
}

export async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(everyMs);
  }
  throw new Error(`${what}: not within ${Math.round(timeoutMs / 1000)} s`);
}

/** What the domain decides for each command in turn, from a fresh assignment, as events ready to append. */
export function decideInOrder(commands: AssignmentCommand[]): NewEvent[][] {
  let state: AssignmentState = initialAssignmentState;
  return commands.map((command) => {
    const events = decideAssignment(command, state);
    state = events.reduce(evolveAssignment, state);
    return events.map((event) => ({ type: event.type, data: event.data, schemaVersion: EVENT_SCHEMA_VERSION[event.type] }));
  });
}

/** One sample of the SDK's Prometheus text: metric name, its labels as written, value. */
export type MetricSample = readonly [name: string, labels: string, value: number];

/** The dondoc worker's SDK metrics, read once; undefined when the stack serves none (the cluster). */
export async function workerMetrics(url: string | undefined): Promise<MetricSample[] | undefined> {
  if (!url) return undefined;
  const text = await (await fetch(url)).text();
  return text.split('\n').flatMap((line): MetricSample[] => {
    const match = /^(\w+)\{([^}]*)\} (\S+)$/.exec(line);
    return match ? [[match[1], match[2], Number(match[3])]] : [];
  });
}

/** Sums by metric name of the samples whose labels include every `key="value"` given. */
export function metricSums(samples: readonly MetricSample[] | undefined, labels: Record<string, string>): Map<string, number> | undefined {
  if (!samples) return undefined;
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const sums = new Map<string, number>();
  for (const [name, written, value] of samples) {
    if (wanted.every((label) => written.includes(label))) sums.set(name, (sums.get(name) ?? 0) + value);
  }
  return sums;
}

/** Mean of a histogram between two snapshots (its _sum and _count deltas), in the histogram's unit (ms). */
export function meanBetween(before: Map<string, number> | undefined, after: Map<string, number> | undefined, histogram: string): number {
  if (!before || !after) return Number.NaN;
  const delta = (suffix: string): number => (after.get(`${histogram}_${suffix}`) ?? 0) - (before.get(`${histogram}_${suffix}`) ?? 0);
  return delta('count') > 0 ? round(delta('sum') / delta('count')) : Number.NaN;
}
