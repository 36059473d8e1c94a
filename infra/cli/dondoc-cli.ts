// `npm run cli -- import FILE [--dry-run] [--allow-similar]`: turns a conclusion notice's text into a directive whose
// workflows start.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { configFromProcess, type DondocConfig } from '@app/config';
import { directiveStateQuery, directiveWorkflowId, domainFailureDetail, isDomainFailure } from '@app/contracts';
import { connect, type Sql } from '@app/event-store';
import { decodeNotice } from '@app/notice-import';
import { dondocDataConverter } from '@app/payload-codec';
import { DirectiveSummaryRepository } from '@app/read-models';
import { planImport, resolveImport, similarDirectivesMessage, similarDirectivesWarning, type ImportLookups, type PlannedImport } from '../../apps/api/src/directives/plan-import';
import { admitNewDirective, startDirective } from '../../apps/api/src/directives/start-directive';

const USAGE = 'usage: npm run cli -- import FILE [--dry-run] [--allow-similar]';
const FLAGS = ['--dry-run', '--allow-similar'];
const ALLOW_SIMILAR = '--allow-similar';

async function main(args: string[]): Promise<number> {
  const [command, file, ...flags] = args;
  if (command !== 'import' || !file || flags.some((flag) => !FLAGS.includes(flag))) {
    console.error(USAGE);
    return 2;
  }
  const config = configFromProcess();
  // npm runs scripts from the package root: a relative path is the user's, from where they typed the command.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const decoded = decodeNotice(readFileSync(path));
  if (!decoded.ok) {
    console.error(`${path}: ${decoded.message}`);
    return 1;
  }
  const plan = planImport(decoded.text, config.importPolicy);
  if (!plan.ok) {
    console.error(`${plan.error.code}: ${plan.error.message}`);
    return 1;
  }
  // The read models, where DATABASE_URL names the system's database: the directives of the notice's issuer and day.
  const sql = config.databaseUrl ? connect(config.databaseUrl, { max: 1 }) : undefined;
  if (!sql) console.error(`note: DATABASE_URL is not set, so no directive of ${plan.directive.issuingBody} issued on ${plan.directive.issuedOn} under another id is looked for (SIMILAR_DIRECTIVE_EXISTS), nor one imported by an earlier release and retyped since: set it to dondoc's database to check`);
  try {
    return flags.includes('--dry-run') ? await dryRun(plan, sql) : await importInto(config, plan, sql, flags.includes(ALLOW_SIMILAR));
  } finally {
    await sql?.end();
  }
}

/** What the import would create, under the id it would use, with its warnings; stores nothing. */
async function dryRun(plan: PlannedImport, sql: Sql | undefined): Promise<number> {
  const { plan: target, similar } = await resolveImport(plan, readModelLookups(sql));
  const warnings = similar.length > 0 ? [...target.warnings, similarDirectivesWarning(target, similar, ALLOW_SIMILAR)] : target.warnings;
  for (const warning of warnings) console.error(`warning ${warning.code}: ${warning.message}`);
  console.log(JSON.stringify({ dryRun: true, directiveId: target.directiveId, formerDirectiveIds: plan.formerDirectiveIds, directive: target.directive, warnings }, null, 2));
  return 0;
}

async function importInto(config: DondocConfig, plan: PlannedImport, sql: Sql | undefined, allowSimilar: boolean): Promise<number> {
  for (const warning of plan.warnings) console.error(`warning ${warning.code}: ${warning.message}`);
  if (!config.temporalAddress) {
    console.error('Set TEMPORAL_ADDRESS (and TEMPORAL_NAMESPACE, TEMPORAL_TASK_QUEUE) to the running system, e.g. TEMPORAL_ADDRESS=127.0.0.1:7233');
    return 2;
  }
  const connection = await Connection.connect({ address: config.temporalAddress });
  try {
    // With no dondoc worker on that queue the import would wait for ever, saying nothing.
    const { pollers } = await connection.workflowService.describeTaskQueue({
      namespace: config.temporalNamespace,
      taskQueue: { name: config.taskQueue },
      taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
    });
    if (!pollers?.length) {
      console.error(`No dondoc worker polls task queue "${config.taskQueue}" in namespace "${config.temporalNamespace}" at ${config.temporalAddress}: is dondoc running there? (npm start prints the Temporal address it uses)`);
      return 1;
    }
    const client = new Client({ connection, namespace: config.temporalNamespace, dataConverter: dondocDataConverter });
    // Imported by an earlier release, the notice keeps the id it was given then (found while Temporal keeps its
    // directive's workflow, or in the read models with DATABASE_URL).
    const runs = new Map<string, Promise<DirectiveRun>>();
    const runOf = (id: string) => runs.get(id) ?? runs.set(id, directiveRun(client, id)).get(id)!;
    const inReadModels = readModelLookups(sql);
    const isStored = async (id: string) => (await runOf(id)).created || (await inReadModels.isStored(id));
    const { plan: target, stored, similar } = await resolveImport(plan, { ...inReadModels, isStored });
    // Its workflow ended once every assignment was done (or is past retention): a new run would try to create it again.
    const run = await runOf(target.directiveId);
    if (stored && !run.running) {
      console.log(`directive ${target.directiveId} was imported already${run.created ? ' and has ended: every assignment of it is done' : ''}`);
      return 0;
    }
    if (similar.length > 0 && !allowSimilar) {
      console.error(`SIMILAR_DIRECTIVE_EXISTS: ${similarDirectivesMessage(target, similar, ALLOW_SIMILAR)}`);
      return 1;
    }
    const request = { directive: target.directive, actor: { kind: 'supervisor' as const }, correlationId: randomUUID() };
    if (!stored) admitNewDirective(target.directiveId, target.directive, request.actor);
    const state = await startDirective(client, config.taskQueue, target.directiveId, request);
    console.log(JSON.stringify(state, null, 2));
    return 0;
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(describe(error));
    process.exit(1);
  },
);

/** The read models' answers, or none without a database (then nothing is found there). */
function readModelLookups(sql: Sql | undefined): ImportLookups {
  const summaries = sql && new DirectiveSummaryRepository(sql);
  return {
    isStored: async (directiveId) => (summaries ? (await summaries.find(directiveId)) !== undefined : false),
    issuedBy: async (issuingBody, issuedOn) => (summaries ? summaries.issuedBy(issuingBody, issuedOn) : []),
  };
}

/**
 * Whether a directive workflow under this id created its directive (within the namespace's retention), and whether it
 * still runs: one that ended after creating it has nothing more to do (a refused creation ends too, having created none).
 */
interface DirectiveRun {
  created: boolean;
  running: boolean;
}

async function directiveRun(client: Client, directiveId: string): Promise<DirectiveRun> {
  const handle = client.workflow.getHandle(directiveWorkflowId(directiveId));
  const running = await handle.describe().then((d) => d.status.name === 'RUNNING', (error: unknown) => {
    if (error instanceof WorkflowNotFoundError) return undefined; // never started
    throw error;
  });
  if (running === undefined) return { created: false, running: false };
  return { created: (await handle.query(directiveStateQuery)).created, running };
}

/** A refusal as the domain said it ("ASSIGNMENT_ID_TAKEN: …"), not the update's "Workflow Update failed". */
function describe(error: unknown): string {
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (isDomainFailure(cause)) {
    const code = domainFailureDetail(cause)?.code;
    return code === undefined ? cause.message : `${code}: ${cause.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
