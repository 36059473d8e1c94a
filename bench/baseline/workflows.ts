// The baseline: the smallest workflow that does what an assignment does for Temporal (waits for updates and ends
// on its own), with no activity, no event store and no decider. Bundled on its own (bundleWorkflowCode), run by
// its own worker process (baseline/worker.ts) on its own task queue.
import { condition, defineUpdate, setHandler, sleep } from '@temporalio/workflow';

export interface StepRequest {
  note: string;
}

export const baselineStepUpdate = defineUpdate<{ steps: number }, [StepRequest]>('baselineStep');

/** Answers each update at once with a counter; ends after lifetimeMs so no run leaves it behind for long. */
export async function baselineWorkflow(input: { lifetimeMs: number }): Promise<void> {
  let steps = 0;
  setHandler(baselineStepUpdate, () => ({ steps: ++steps }));
  await condition(() => false, input.lifetimeMs);
}

/** A durable timer and nothing else: completes when it fires, so its close time is when the timer fired. */
export async function baselineTimerWorkflow(input: { dueAt: number }): Promise<void> {
  await sleep(Math.max(1, input.dueAt - Date.now()));
}
