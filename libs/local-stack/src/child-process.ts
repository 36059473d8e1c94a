import type { ChildProcess } from 'node:child_process';

/** Sends SIGTERM, then SIGKILL after the grace period; resolves once the process has exited. */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T>, timeoutMs: number, isDead?: () => string | undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const death = isDead?.();
    if (death) throw new Error(`${what} exited before it was ready: ${death}`);
    try {
      return await probe();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${what} was not ready within ${timeoutMs} ms: ${String(lastError)}`);
}

/** The last `limit` non-blank lines of what a process said, for the error when it does not come up. */
export function lastLines(limit = 12): { keep(text: unknown): void; lines(): string[] } {
  const kept: string[] = [];
  return {
    keep(text) {
      kept.push(...String(text instanceof Error ? text.message : text).split('\n').filter((line) => line.trim() !== ''));
      kept.splice(0, Math.max(0, kept.length - limit));
    },
    lines: () => [...kept],
  };
}
