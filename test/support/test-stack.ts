import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { connect, EventStore, migrate, type Sql } from '@app/event-store';
import { dondocDataConverter } from '@app/payload-codec';
import { startWorker, type RunningWorker } from '../../apps/worker/src/dondoc-worker';

/** What the global setup started, as the tests see it. */
export function stackAddresses(): { databaseUrl: string; temporalAddress: string } {
  const databaseUrl = process.env.DONDOC_TEST_DATABASE_URL;
  const temporalAddress = process.env.DONDOC_TEST_TEMPORAL_ADDRESS;
  if (!databaseUrl || !temporalAddress) throw new Error('The test stack is not running (see test/support/global-setup.ts)');
  return { databaseUrl, temporalAddress };
}

export async function testDatabase(): Promise<Sql> {
  const sql = connect(stackAddresses().databaseUrl);
  await migrate(sql);
  return sql;
}

export async function testClient(): Promise<Client> {
  const connection = await Connection.connect({ address: stackAddresses().temporalAddress });
  return new Client({ connection, namespace: 'default', dataConverter: dondocDataConverter });
}

/** A worker on its own task queue, so test files never steal each other's tasks. */
export async function testWorker(taskQueue = `test-${randomUUID()}`): Promise<RunningWorker & { taskQueue: string }> {
  const { databaseUrl, temporalAddress } = stackAddresses();
  const running = await startWorker({ databaseUrl, temporalAddress, temporalNamespace: 'default', taskQueue, workflowBundlePath: undefined });
  return { ...running, taskQueue };
}

export interface StackConnection {
  sql: Sql;
  client: Client;
  store: EventStore;
  close(): Promise<void>;
}

/** PostgreSQL (migrated), the event store on it, and a Temporal client: what an integration spec talks to. */
export async function connectToStack(): Promise<StackConnection> {
  const sql = await testDatabase();
  const client = await testClient();
  return {
    sql,
    client,
    store: new EventStore(sql),
    close: async () => {
      await client.connection.close();
      await sql.end();
    },
  };
}

/** An id no other test (or earlier run on the same database) uses. */
export const uniqueId = (name: string): string => `${name}-${randomUUID().slice(0, 8)}`;
