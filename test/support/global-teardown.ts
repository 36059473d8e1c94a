export default async function globalTeardown(): Promise<void> {
  const stops = globalThis.__dondocStackStops ?? [];
  globalThis.__dondocStackStops = undefined;
  for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(error));
}
