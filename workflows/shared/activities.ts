import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { AppendEventsInput, AppendEventsOutput, DondocActivities } from '@app/contracts';

const RETRY = { initialInterval: '1 second', maximumInterval: '30 seconds' } as const;

const remote = proxyActivities<DondocActivities>({ startToCloseTimeout: '30 seconds', retry: RETRY });
const local = proxyLocalActivities<DondocActivities>({ startToCloseTimeout: '30 seconds', retry: RETRY });

export const { directiveStatusCounts } = remote;

// The batches below heartbeat while they run: a worker that dies is replaced within the heartbeat timeout, not the
// two minutes a batch may take.
const BATCH = { startToCloseTimeout: '2 minutes', heartbeatTimeout: '20 seconds', retry: RETRY } as const;

/** Starting a batch of assignments' workflows (a few seconds for a couple of hundred on a busy server). */
export const { startAssignments } = proxyActivities<DondocActivities>(BATCH);

/** A withdrawn directive's Withdraw updates to a batch of its assignments (each an append; seconds for a couple of hundred). */
export const { withdrawAssignments } = proxyActivities<DondocActivities>(BATCH);

/**
 * Appends through a local activity: it runs in the worker that holds the workflow, saving a task-queue round
 * trip and a workflow task on every step. Still idempotent (deterministic event ids), still retried.
 * Runs recorded before this change used a regular activity; replaying them must too.
 */
export function appendEvents(input: AppendEventsInput): Promise<AppendEventsOutput> {
  return patched('append-events-as-local-activity') ? local.appendEvents(input) : remote.appendEvents(input);
}

/** A directive's creation with its assignments': a local activity too, in chunks that keep each payload small. */
export const { appendToStreams } = local;

/** Webhook delivery: retried with exponential backoff for a day, then left in the agency's inbox. */
export const { deliverNotifications } = proxyActivities<DondocActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 200 },
  scheduleToCloseTimeout: '1 day',
});
