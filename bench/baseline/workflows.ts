// The baseline: the smallest workflow that does what an assignment does for Temporal (waits for updates and ends
// on its own), with no activity, no event store and no decider. Bundled on its own (bundleWorkflowCode), run by
// its own worker process (baseline/worker.ts) on its own task queue.
import { condition, defineUpdate, proxyLocalActivities, setHandler, sleep } from '@temporalio/workflow';

/** The baseline worker's one activity: does nothing, so what it costs is the local activity's round trip alone. */
export interface BaselineActivities {
  noop(): Promise<void>;
}

const { noop } = proxyLocalActivities<BaselineActivities>({ startToCloseTimeout: '10 seconds' });

export interface StepRequest {
  note: string;
}

export const baselineStepUpdate = defineUpdate<{ steps: number }, [StepRequest]>('baselineStep');
/** The same answer after one no-op local activity: what a handler that stores something pays in Temporal alone. */
export const baselineLocalActivityStepUpdate = defineUpdate<{ steps: number }, [StepRequest]>('baselineLocalActivityStep');

/** Answers each update at once with a counter; ends after lifetimeMs so no run leaves it behind for long. */
export async function baselineWorkflow(input: { lifetimeMs: number }): Promise<void> {
  let steps = 0;
  setHandler(baselineStepUpdate, () => ({ steps: ++steps }));
  setHandler(baselineLocalActivityStepUpdate, async () => {
    await noop();
    return { steps: ++steps };
  });
  await condition(() => false, input.lifetimeMs);
}

/** A durable timer and nothing else: completes when it fires, so its close time is when the timer fired. */
export async function baselineTimerWorkflow(input: { dueAt: number }): Promise<void> {
  await sleep(Math.max(1, input.dueAt - Date.now()));
}
