/** Stops the cluster with Ctrl-C (SIGINT to its process group), and fails the run unless it stopped cleanly. */
export default async function globalTeardown(): Promise<void> {
  const cluster = globalThis.__dondocCluster;
  globalThis.__dondocCluster = undefined;
  if (!cluster) return;
  if (cluster.child.exitCode === null && cluster.child.signalCode === null && cluster.child.pid) process.kill(-cluster.child.pid, 'SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timeout'), 120_000)));
  const status = await Promise.race([cluster.exited, timeout]);
  clearTimeout(timer);
  if (status === 'timeout') {
    cluster.child.kill('SIGKILL');
    throw new Error('npm run cluster did not stop within 120 s of Ctrl-C');
  }
  if (status !== 0) throw new Error(`npm run cluster stopped with ${status}, not 0`);
}
