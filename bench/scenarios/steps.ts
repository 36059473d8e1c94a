// A step through the API (HTTP → Update → events appended → response) against a raw Temporal Update round trip
// on the baseline workflow; plus the pieces in between, for the breakdown.
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { assignmentCommandUpdate, assignmentWorkflowId } from '@app/contracts';
import { baselineLocalActivityStepUpdate, baselineStepUpdate, baselineWorkflow } from '../baseline/workflows';
import type { Ctx } from '../context';
import type { Report } from '../report';
import { closedLoop, cpuMsPerUnit, httpOk, latencyStats, progress, round, throughput } from '../support';
import { createDirective, FAR_DEADLINE, waitForAssignments } from './api';

const CLIENTS = 64;
const NOTE = 'Đã làm việc với các sở, ngành liên quan; đang tổng hợp ý kiến';

export interface StepsFixture {
  assignmentIds: string[];
  baselines: WorkflowHandle<typeof baselineWorkflow>[];
}

/** 64 assignments in research (created and acknowledged through the API) and 64 baseline workflows. */
export async function setupSteps(ctx: Ctx): Promise<StepsFixture> {
  const directiveId = `BENCH-STEPS-${ctx.runId}`;
  const assignmentIds = await createDirective(ctx, directiveId, Array.from({ length: CLIENTS }, (_, i) => ({ key: `S${i + 1}`, deadline: FAR_DEADLINE })));
  await waitForAssignments(ctx, directiveId, CLIENTS, 60_000);
  await closedLoop(8, CLIENTS, (_, i) => httpOk(`${ctx.stack.apiUrl}/api/assignments/${assignmentIds[i]}/acknowledge`, { method: 'POST', token: ctx.agencyToken, body: {} }));
  const baselines = await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) =>
      ctx.client.workflow.start(baselineWorkflow, { workflowId: `bench-step-${ctx.runId}-${i}`, taskQueue: ctx.stack.baselineTaskQueue, args: [{ lifetimeMs: 3_600_000 }] }),
    ),
  );
  return { assignmentIds, baselines };
}

export async function runSteps(ctx: Ctx, fixture: StepsFixture, report: Report): Promise<void> {
  const { assignmentIds, baselines } = fixture;
  const apiStep = (i: number) => httpOk(`${ctx.stack.apiUrl}/api/assignments/${assignmentIds[i]}/research`, { method: 'POST', token: ctx.agencyToken, body: { note: NOTE } });
  const rawStep = (i: number) => baselines[i].executeUpdate(baselineStepUpdate, { args: [{ note: NOTE }] });
  const rawLocalActivityStep = (i: number) => baselines[i].executeUpdate(baselineLocalActivityStepUpdate, { args: [{ note: NOTE }] });
  const directUpdate = (i: number) =>
    ctx.dondocClient.workflow.getHandle(assignmentWorkflowId(assignmentIds[i])).executeUpdate(assignmentCommandUpdate, {
      args: [{ command: { type: 'RecordResearch', note: NOTE }, actor: { kind: 'agency', agency: 'BTCTU' }, correlationId: randomUUID() }],
    });
  const apiRead = (i: number) => httpOk(`${ctx.stack.apiUrl}/api/assignments/${assignmentIds[i]}`, { token: ctx.agencyToken });

  progress('steps: warm-up');
  await closedLoop(8, 32, (_, i) => apiStep(i % 8));
  await closedLoop(8, 32, (_, i) => rawStep(i % 8));
  await closedLoop(8, 16, (_, i) => rawLocalActivityStep(8 + (i % 8)));
  await closedLoop(8, 16, (_, i) => directUpdate(i % 8));

  const n1 = ctx.sizes.steps1;
  progress(`steps: concurrency 1, ${n1} each (API step, raw update, raw update with a local activity, direct update to dondoc's workflow, API read)`);
  // Alternating blocks, so drift on a shared machine hits both sides alike.
  const c1 = { api: [] as number[], raw: [] as number[], rawLocalActivity: [] as number[], direct: [] as number[], read: [] as number[] };
  for (let block = 0; block < 4; block++) {
    const per = Math.ceil(n1 / 4);
    c1.api.push(...(await closedLoop(1, per, () => apiStep(0))));
    c1.raw.push(...(await closedLoop(1, per, () => rawStep(0))));
    c1.rawLocalActivity.push(...(await closedLoop(1, per, () => rawLocalActivityStep(8))));
    c1.direct.push(...(await closedLoop(1, per, () => directUpdate(1))));
    c1.read.push(...(await closedLoop(1, per, () => apiRead(0))));
  }
  // Before the loaded phases touch the same workflow (client 1 of the concurrency-32 run).
  const history = {
    dondoc: await historyPerUpdate(ctx.dondocClient.workflow.getHandle(assignmentWorkflowId(assignmentIds[1]))),
    raw: await historyPerUpdate(baselines[0]),
  };
  const api1 = latencyStats(c1.api);
  const raw1 = latencyStats(c1.raw);
  report.add({ section: 'Step (HTTP → Update → append → response)', metric: 'p50, concurrency 1', unit: 'ms', dondoc: api1.p50, baseline: raw1.p50, target: '≤ 1.25× raw', met: api1.p50 <= 1.25 * raw1.p50 });
  report.add({ section: 'Step (HTTP → Update → append → response)', metric: 'p99, concurrency 1', unit: 'ms', dondoc: api1.p99, baseline: raw1.p99, target: '≤ 1.5× raw', met: api1.p99 <= 1.5 * raw1.p99 });

  const k = ctx.sizes.stepsPerClient32;
  progress(`steps: concurrency 32, ${32 * k} each`);
  const api32 = latencyStats(await closedLoop(32, 32 * k, (client) => apiStep(client), 'API c=32'));
  const raw32 = latencyStats(await closedLoop(32, 32 * k, (client) => rawStep(client), 'raw c=32'));
  report.add({ section: 'Step (HTTP → Update → append → response)', metric: 'p50, concurrency 32', unit: 'ms', dondoc: api32.p50, baseline: raw32.p50, target: '≤ 1.25× raw', met: api32.p50 <= 1.25 * raw32.p50 });
  report.add({ section: 'Step (HTTP → Update → append → response)', metric: 'p99, concurrency 32', unit: 'ms', dondoc: api32.p99, baseline: raw32.p99, target: '≤ 1.5× raw', met: api32.p99 <= 1.5 * raw32.p99 });

  progress(`steps: throughput with ${CLIENTS} clients, ${ctx.sizes.throughputMs / 1000} s each`);
  let apiT: Awaited<ReturnType<typeof throughput>> | undefined;
  let rawT: Awaited<ReturnType<typeof throughput>> | undefined;
  const apiCpu = await cpuMsPerUnit({ worker: ctx.stack.workerPid, api: ctx.stack.apiPid, server: ctx.stack.serverPid }, async () => {
    apiT = await throughput(CLIENTS, ctx.sizes.throughputMs, (client) => apiStep(client));
    return apiT.completed;
  });
  const rawCpu = await cpuMsPerUnit({ worker: ctx.stack.baselineWorkerPid, server: ctx.stack.serverPid }, async () => {
    rawT = await throughput(CLIENTS, ctx.sizes.throughputMs, (client) => rawStep(client));
    return rawT.completed;
  });
  // Temporal alone with a store-like round trip: the same update with one no-op local activity (CPU only).
  const rawLocalActivityCpu = await cpuMsPerUnit({ worker: ctx.stack.baselineWorkerPid, server: ctx.stack.serverPid }, async () => {
    const run = await throughput(CLIENTS, ctx.sizes.throughputMs, (client) => rawLocalActivityStep(client));
    return run.completed;
  });
  if (!apiT || !rawT) throw new Error('throughput did not run');
  report.add({ section: 'Step (HTTP → Update → append → response)', metric: 'throughput, 64 clients', unit: 'steps/s', dondoc: round(apiT.perSecond, 1), baseline: round(rawT.perSecond, 1), target: '≥ 0.8× raw', met: apiT.perSecond >= 0.8 * rawT.perSecond });
  if (apiCpu.worker !== undefined && rawCpu.worker !== undefined) {
    report.add({ section: 'Step (HTTP → Update → append → response)', metric: 'worker CPU per step, 64 clients (dondoc: + its API)', unit: 'ms', dondoc: round(apiCpu.worker + (apiCpu.api ?? 0)), baseline: rawCpu.worker });
    if (rawLocalActivityCpu.worker !== undefined) {
      report.add({ section: 'Step (HTTP → Update → append → response)', metric: 'worker CPU per step; baseline: the update with one no-op local activity', unit: 'ms', dondoc: apiCpu.worker, baseline: rawLocalActivityCpu.worker });
    }
  }

  const direct1 = latencyStats(c1.direct);
  const read1 = latencyStats(c1.read);
  report.details.steps = {
    concurrency1: { api: api1, raw: raw1, rawLocalActivity: latencyStats(c1.rawLocalActivity), directUpdate: direct1, apiRead: read1 },
    concurrency32: { api: api32, raw: raw32 },
    cpuMsPerStep: { dondoc: apiCpu, raw: rawCpu, rawLocalActivity: rawLocalActivityCpu },
    throughput64: { api: { perSecond: apiT.perSecond, completed: apiT.completed, ...latencyStats(apiT.latencies) }, raw: { perSecond: rawT.perSecond, completed: rawT.completed, ...latencyStats(rawT.latencies) } },
    historyEventsPerUpdate: history,
  };
  progress(`steps: c=1 p50 API ${api1.p50} ms, direct update ${direct1.p50} ms, raw ${raw1.p50} ms, API read ${read1.p50} ms`);
}

/** History events written per update, over the updates a workflow took so far (the workflow task's own included). */
async function historyPerUpdate(handle: { fetchHistory(): Promise<{ events?: unknown[] | null }> }): Promise<number> {
  const events = ((await handle.fetchHistory()).events ?? []) as { workflowExecutionUpdateAcceptedEventAttributes?: unknown; workflowExecutionStartedEventAttributes?: unknown }[];
  const updates = events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
  const first = events.findIndex((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
  // From the workflow task before the first update (scheduled, started, completed) to the end.
  return updates === 0 ? 0 : round((events.length - Math.max(0, first - 3)) / updates, 1);
}
