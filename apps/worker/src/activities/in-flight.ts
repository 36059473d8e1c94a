/** Runs `work` on every item, at most `inFlight` at once, in order of the list; rejects with the first failure. */
export async function eachInFlight<T>(items: readonly T[], inFlight: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(inFlight, items.length)) }, worker));
}
