// What the SDK's workflow sandbox charges per call and per new workflow, measured in this process on dondoc's built
// bundle and on the baseline's: the figures docs/performance.md uses to say where a step's and a creation's time goes.
// Reaches into @temporalio/worker/lib (the reusable-context creator the worker uses), which is not public API.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { createContext, runInContext, runInNewContext, Script } from 'node:vm';
import { ReusableVMWorkflowCreator } from '@temporalio/worker/lib/workflow/reusable-vm';
import { bundleBaselineWorkflows } from '../baseline/bundle';
import type { Report } from '../report';
import { progress, round } from '../support';

const CALLS = 5_000;
const WORKFLOWS = 500;
/** The SDK's default isolateExecutionTimeout: every call into the sandbox is made with it. */
const SDK_TIMEOUT_MS = 5_000;

export async function runSandbox(report: Report, dist: string): Promise<void> {
  const section = 'Workflow sandbox (SDK costs, measured in the bench process)';
  progress('sandbox: a call into a vm context with and without the timeout the SDK sets on every call');
  const call = callCost();
  report.add({ section, metric: "call into the sandbox (vm.runInContext) with the SDK's 5 s timeout; baseline: without", unit: 'µs', dondoc: call.withTimeoutUs, baseline: call.withoutUs });

  progress(`sandbox: module evaluation per new workflow, ${WORKFLOWS} each, dondoc's bundle and the baseline's`);
  const dondoc = await moduleCost(readFileSync(join(dist, 'workflow-bundle.js'), 'utf8'));
  const baselineBundle = await bundleBaselineWorkflows();
  const baseline = await moduleCost(baselineBundle.code);
  report.add({ section, metric: 'module evaluation per new or replayed workflow', unit: 'ms', dondoc: dondoc.ms, baseline: baseline.ms });
  report.add({ section, metric: 'module state kept per cached workflow', unit: 'KiB', dondoc: dondoc.kib, baseline: baseline.kib });
  report.details.sandbox = { call, moduleEvaluation: { dondoc, baseline } };
}

/** µs per vm call into a context, with the SDK's timeout (Node starts a watchdog thread for each) and without. */
function callCost(): { withTimeoutUs: number; withoutUs: number } {
  const context = createContext({}, { microtaskMode: 'afterEvaluate' });
  const script = new Script('globalThis.calls = (globalThis.calls ?? 0) + 1');
  const time = (options: { timeout?: number }): number => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i++) script.runInContext(context, options);
    return round(Number(process.hrtime.bigint() - t0) / 1e3 / CALLS);
  };
  time({ timeout: SDK_TIMEOUT_MS });
  return { withTimeoutUs: time({ timeout: SDK_TIMEOUT_MS }), withoutUs: time({}) };
}

/** The worker's creator, with its vm context in reach. */
class ProbedCreator extends ReusableVMWorkflowCreator {
  get sandbox(): { __TEMPORAL_ACTIVATOR__?: { moduleCache: Map<string, unknown> } } {
    return this.context as never;
  }
}

/**
 * ms and KiB per workflow for the modules the SDK evaluates again for every workflow in the reusable context (all but
 * those loaded at bootstrap and the preloaded ones), through the creator the worker itself uses.
 */
async function moduleCost(code: string): Promise<{ ms: number; kib: number; perWorkflowModules: number }> {
  const mapAt = code.lastIndexOf('//# sourceMappingURL=data:');
  const sourceMap = JSON.parse(Buffer.from(code.slice(code.indexOf(',', mapAt) + 1), 'base64').toString());
  const creator = (await ProbedCreator.create({ code, filename: '/bench/workflow-bundle.js', sourceMap } as never, SDK_TIMEOUT_MS, new Set())) as ProbedCreator;
  const context = creator.sandbox;
  const caches: Map<string, unknown>[] = [];
  const evaluate = (): void => {
    const moduleCache = new Map<string, unknown>();
    context.__TEMPORAL_ACTIVATOR__ = { moduleCache };
    runInContext('__TEMPORAL__.importWorkflows()', context as object);
    caches.push(moduleCache);
  };
  evaluate();
  const perWorkflowModules = caches[0].size;
  caches.length = 0;
  const gc = collector();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < WORKFLOWS; i++) evaluate();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / WORKFLOWS;
  gc(); // what the module caches still hold (they are kept in `caches`), not the garbage made on the way
  const kib = (process.memoryUsage().heapUsed - heapBefore) / 1024 / WORKFLOWS;
  caches.length = 0;
  delete context.__TEMPORAL_ACTIVATOR__;
  await creator.destroy();
  return { ms: round(ms, 3), kib: round(kib, 1), perWorkflowModules };
}

/** A full garbage collection on demand, without starting the bench with --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
