// `npm run cli -- import FILE [--dry-run]`: turns a conclusion notice's text into a directive whose workflows start.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { configFromProcess } from '@app/config';
import { dondocDataConverter } from '@app/payload-codec';
import { planImport } from '../../apps/api/src/directives/plan-import';
import { startDirective } from '../../apps/api/src/directives/start-directive';

const USAGE = 'usage: npm run cli -- import FILE [--dry-run]';

async function main(args: string[]): Promise<number> {
  const [command, file, ...flags] = args;
  if (command !== 'import' || !file || flags.some((flag) => flag !== '--dry-run')) {
    console.error(USAGE);
    return 2;
  }
  const config = configFromProcess();
  const plan = planImport(readFileSync(file, 'utf8'), config.importPolicy);
  if (!plan.ok) {
    console.error(`${plan.error.code}: ${plan.error.message}`);
    return 1;
  }
  for (const warning of plan.warnings) console.error(`warning ${warning.code}: ${warning.message}`);
  if (flags.includes('--dry-run')) {
    console.log(JSON.stringify({ dryRun: true, directiveId: plan.directiveId, directive: plan.directive, warnings: plan.warnings }, null, 2));
    return 0;
  }
  if (!config.temporalAddress) {
    console.error('Set TEMPORAL_ADDRESS (and TEMPORAL_NAMESPACE, TEMPORAL_TASK_QUEUE) to the running system, e.g. TEMPORAL_ADDRESS=127.0.0.1:7233');
    return 2;
  }
  const connection = await Connection.connect({ address: config.temporalAddress });
  try {
    const client = new Client({ connection, namespace: config.temporalNamespace, dataConverter: dondocDataConverter });
    const state = await startDirective(client, config.taskQueue, plan.directiveId, { directive: plan.directive, actor: { kind: 'supervisor' }, correlationId: randomUUID() });
    console.log(JSON.stringify(state, null, 2));
    return 0;
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
