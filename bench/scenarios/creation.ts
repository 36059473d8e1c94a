// Creating a directive with N assignments through the API against N raw workflow starts.
import { tsToMs } from '@temporalio/common/lib/time';
import type { temporal } from '@temporalio/proto';
import { assignmentWorkflowId, directiveWorkflowId, STATUS_ATTRIBUTE } from '@app/contracts';
import { baselineWorkflow } from '../baseline/workflows';
import type { Ctx } from '../context';
import type { Report } from '../report';
import { closedLoop, cpuMsPerUnit, progress, round, settle, sleep } from '../support';
import { createDirective, FAR_DEADLINE, waitForAssignments } from './api';

/** Workflow starts kept in flight by the raw side (the Temporal client is asynchronous). */
const START_CONCURRENCY = 32;

export async function runCreation(ctx: Ctx, report: Report): Promise<void> {
  const n = ctx.sizes.directiveAssignments;
  const directiveId = `BENCH-CREATE-${ctx.runId}`;
  progress(`directive creation: POST /api/directives with ${n} assignments`);
  const t0 = performance.now();
  const startedAt = Date.now();
  let answeredMs = 0;
  let storedMs = 0;
  let firstTasksMs = 0;
  const cpu = await cpuMsPerUnit({ worker: ctx.stack.workerPid, api: ctx.stack.apiPid, server: ctx.stack.serverPid }, async () => {
    const ids = await createDirective(ctx, directiveId, Array.from({ length: n }, (_, i) => ({ key: `C${i + 1}`, deadline: FAR_DEADLINE })));
    answeredMs = performance.now() - t0;
    progress(`directive creation: answered after ${Math.round(answeredMs)} ms (${ids.length} workflows started); waiting for every AssignmentCreated`);
    await waitForAssignments(ctx, directiveId, n, Math.max(120_000, n * 50));
    storedMs = performance.now() - t0;
    firstTasksMs = (await lastFirstTaskDone(ctx, ids.slice(-START_CONCURRENCY).map(assignmentWorkflowId), firstTaskTimeoutMs(n))) - startedAt;
    await settle([ctx.stack.workerPid], 10_000); // as on the raw side: the CPU count takes in what the starts left running
    return n;
  });

  await settle([ctx.stack.workerPid, ctx.stack.baselineWorkerPid, ctx.stack.serverPid]);
  progress(`directive creation: raw side, ${n} workflow starts (${START_CONCURRENCY} in flight)`);
  const r0 = performance.now();
  const rawStartedAt = Date.now();
  let rawMs = 0;
  let rawFirstTasksMs = 0;
  const rawCpu = await cpuMsPerUnit({ worker: ctx.stack.baselineWorkerPid, server: ctx.stack.serverPid }, async () => {
    await startBaselines(ctx, 'create', n);
    rawMs = performance.now() - r0;
    rawFirstTasksMs = (await lastFirstTaskDone(ctx, Array.from({ length: Math.min(START_CONCURRENCY, n) }, (_, k) => `bench-create-${ctx.runId}-${n - 1 - k}`), firstTaskTimeoutMs(n))) - rawStartedAt;
    // A start is acknowledged before the workflow's first task ran: the CPU count waits for those tasks too.
    await settle([ctx.stack.baselineWorkerPid], 10_000);
    return n;
  });

  const answeredRate = n / (answeredMs / 1000);
  const storedRate = n / (storedMs / 1000);
  const rawRate = n / (rawMs / 1000);
  const section = `Directive creation, N = ${n.toLocaleString('en-US')}`;
  report.add({ section, metric: 'assignments started/s (API answered)', unit: '/s', dondoc: round(answeredRate, 1), baseline: round(rawRate, 1), target: '≥ 0.8× raw starts', met: answeredRate >= 0.8 * rawRate });
  report.add({ section, metric: 'assignments stored/s (every AssignmentCreated appended)', unit: '/s', dondoc: round(storedRate, 1), baseline: round(rawRate, 1) });
  report.add({ section, metric: "started/s, until every workflow's first task ran", unit: '/s', dondoc: round(n / (firstTasksMs / 1000), 1), baseline: round(n / (rawFirstTasksMs / 1000), 1) });
  if (cpu.worker !== undefined && rawCpu.worker !== undefined) {
    report.add({ section, metric: 'worker CPU per assignment (dondoc: + its API; raw: per start)', unit: 'ms', dondoc: round(cpu.worker + (cpu.api ?? 0)), baseline: rawCpu.worker });
  }
  const phases = await directivePhases(ctx, directiveId, startedAt);
  report.details.creation = { assignments: n, answeredMs: round(answeredMs), storedMs: round(storedMs), rawStartsMs: round(rawMs), firstTasksDoneMs: round(firstTasksMs), rawFirstTasksDoneMs: round(rawFirstTasksMs), startConcurrency: START_CONCURRENCY, phases, cpuMsPerAssignment: cpu, rawCpuMsPerStart: rawCpu };
  progress(`directive creation: CPU ms per assignment ${JSON.stringify(cpu)}, per raw start ${JSON.stringify(rawCpu)}`);
  progress(`directive creation: ${Object.entries(phases).map(([name, value]) => `${name} ${value}`).join(', ')}`);
}

/**
 * When the last of these workflows had run its first workflow task (epoch ms, from history): a start is acknowledged
 * before that task runs, and the worker is still busy with them after. Pass the last ones started: tasks run roughly
 * in start order.
 */
async function lastFirstTaskDone(ctx: Ctx, workflowIds: string[], timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  const times = await Promise.all(
    workflowIds.map(async (workflowId) => {
      const handle = ctx.client.workflow.getHandle(workflowId);
      while (Date.now() < deadline) {
        const events = (await handle.fetchHistory()).events ?? [];
        const done = events.find((event) => event.workflowTaskCompletedEventAttributes);
        if (done?.eventTime) return tsToMs(done.eventTime);
        await sleep(250); // polling slower than the tasks' own pace would only add load while the worker catches up
      }
      throw new Error(`workflow ${handle.workflowId} ran no workflow task within ${Math.round(timeoutMs / 1000)} s`);
    }),
  );
  return Math.max(...times);
}

/** A worker runs a few hundred first tasks a second on 2 cores; 10,000 queued at once take a minute or more. */
const firstTaskTimeoutMs = (n: number): number => Math.max(60_000, n * 30);

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** Where the directive's creation went, from its workflow's history: ms after the request was sent. */
async function directivePhases(ctx: Ctx, directiveId: string, startedAt: number): Promise<Record<string, number>> {
  const events = (await ctx.dondocClient.workflow.getHandle(directiveWorkflowId(directiveId)).fetchHistory()).events ?? [];
  const at = (event: HistoryEvent | undefined): number => (event?.eventTime ? round(tsToMs(event.eventTime) - startedAt) : Number.NaN);
  const last = <K extends keyof HistoryEvent>(key: K) => [...events].reverse().find((event) => event[key]);
  return {
    'workflow started': at(events[0]),
    'events stored (last append marker)': at(last('markerRecordedEventAttributes')),
    // Starts go through activities (runs recorded before that change started children).
    'first start sent': at(events.find((event) => event.activityTaskScheduledEventAttributes ?? event.startChildWorkflowExecutionInitiatedEventAttributes)),
    'last started': at(last('activityTaskCompletedEventAttributes') ?? last('childWorkflowExecutionStartedEventAttributes')),
    'directive workflow tasks': events.filter((event) => event.workflowTaskCompletedEventAttributes).length,
  };
}

/**
 * Starts count baseline workflows carrying DondocStatus (every other one overdue), so they also serve the
 * visibility query. Ids are `bench-<label>-<runId>-<i>`.
 */
export async function startBaselines(ctx: Ctx, label: string, count: number): Promise<void> {
  await closedLoop(START_CONCURRENCY, count, (_, i) =>
    ctx.client.workflow.start(baselineWorkflow, {
      workflowId: `bench-${label}-${ctx.runId}-${i}`,
      taskQueue: ctx.stack.baselineTaskQueue,
      args: [{ lifetimeMs: 3_600_000 }],
      typedSearchAttributes: [{ key: STATUS_ATTRIBUTE, value: i % 2 === 0 ? 'inProgressOverdue' : 'inProgressOnTime' }],
    }),
  `${label} starts`);
  ctx.visibility.started += count;
  ctx.visibility.overdue += Math.ceil(count / 2);
}
