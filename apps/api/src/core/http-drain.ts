import type { Server } from 'node:http';

const IDLE_SWEEP_MS = 100;

/**
 * Stops taking connections and lets the requests already running finish, for at most `graceMs`; then cuts off what
 * is left. Keep-alive connections close as soon as they fall idle. Resolves with how many connections were cut off.
 */
export async function drainHttpServer(server: Server, graceMs: number): Promise<number> {
  if (!server.listening) return 0;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => (timer = setTimeout(() => resolve('expired'), graceMs)));
  try {
    if ((await Promise.race([closed, expired])) !== 'expired') return 0;
    const open = await new Promise<number>((resolve) => server.getConnections((error, count) => resolve(error ? 0 : count)));
    server.closeAllConnections();
    return open;
  } finally {
    clearInterval(sweep);
    clearTimeout(timer);
  }
}
