import { configFromProcess } from '../../libs/config/src'; // global setup runs outside jest's module mapper
import { createScratchDatabase, ensureTemporalCli, freePort, redactUrl, startTemporalDevServer, startThrowawayPostgres } from '../../libs/local-stack/src';

type Stop = () => Promise<void>;
declare global {
  var __dondocStackStops: Stop[] | undefined;
}

/**
 * One real stack for the integration and e2e projects: a Temporal dev server (the same pinned CLI as
 * `npm start`, in memory, on free ports) and PostgreSQL: a fresh database on DATABASE_URL's server when it is
 * set, otherwise embedded PostgreSQL in a temporary folder.
 */
export default async function globalSetup(): Promise<void> {
  if (globalThis.__dondocStackStops) return; // both projects share it
  const stops: Stop[] = [];
  globalThis.__dondocStackStops = stops;
  const config = configFromProcess();
  const log = (line: string): void => console.log(`[test stack] ${line}`);

  const cliPath = await ensureTemporalCli(config.cacheDir, log);
  const server = await startTemporalDevServer({ cliPath, port: await freePort(), uiPort: await freePort(), dbFile: undefined, namespace: 'default', headless: true });
  stops.push(server.stop);
  process.env.DONDOC_TEST_TEMPORAL_ADDRESS = server.address;

  process.env.DONDOC_TEST_DATABASE_URL = config.databaseUrl
    ? await freshDatabase(config.databaseUrl, stops)
    : await embeddedDatabase(stops);
  log(`Temporal ${server.address}, PostgreSQL ${redactUrl(process.env.DONDOC_TEST_DATABASE_URL)}`);
}

async function freshDatabase(serverUrl: string, stops: Stop[]): Promise<string> {
  const database = await createScratchDatabase(serverUrl, 'dondoc_test');
  stops.push(database.drop);
  return database.url;
}

async function embeddedDatabase(stops: Stop[]): Promise<string> {
  const database = await startThrowawayPostgres('dondoc-test');
  stops.push(database.stop);
  return database.url;
}

