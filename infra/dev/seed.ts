import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { ImportPolicy } from '@app/config';
import { connect } from '@app/event-store';
import { dondocDataConverter } from '@app/payload-codec';
import { DirectiveSummaryRepository } from '@app/read-models';
import { planImport, resolveImport } from '../../apps/api/src/directives/plan-import';
import { startDirective } from '../../apps/api/src/directives/start-directive';

/** The conclusion notice dondoc starts from (Hà Tĩnh, 22/3/2023), kept in the repository as a fixture. */
export const SEED_NOTICE = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'notices', 'seed-ha-tinh-2023-03-22.txt');

/** Imports the seed notice unless it already was: a new user sees section 3's assignments running. */
export async function importSeedOnFirstStart(options: { databaseUrl: string; temporalAddress: string; namespace: string; taskQueue: string; importPolicy: ImportPolicy; log: (line: string) => void }): Promise<void> {
  const plan = planImport(readFileSync(SEED_NOTICE, 'utf8'), options.importPolicy);
  if (!plan.ok) throw new Error(`The seed notice does not parse: ${plan.error.message}`);
  const sql = connect(options.databaseUrl, { max: 1 });
  try {
    // Imported by an earlier release, the seed keeps the id it was given then (the fingerprint's form has changed).
    const summaries = new DirectiveSummaryRepository(sql);
    const isStored = async (directiveId: string) => (await summaries.find(directiveId)) !== undefined;
    if ((await resolveImport(plan, { isStored, issuedBy: (body, on) => summaries.issuedBy(body, on) })).stored) return;
  } finally {
    await sql.end();
  }
  const connection = await Connection.connect({ address: options.temporalAddress });
  try {
    const client = new Client({ connection, namespace: options.namespace, dataConverter: dondocDataConverter });
    const state = await startDirective(client, options.taskQueue, plan.directiveId, { directive: plan.directive, actor: { kind: 'supervisor' }, correlationId: randomUUID() });
    options.log(`imported the seed notice as directive ${state.directiveId} (${state.assignmentIds.length} assignments)`);
  } finally {
    await connection.close();
  }
}
