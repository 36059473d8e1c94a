import { Context } from '@temporalio/activity';

const HEARTBEAT_EVERY_MS = 5_000;

/**
 * Runs an activity's work heartbeating every few seconds while it runs, however long one of its calls waits (an update
 * behind a busy workflow): a worker that dies is seen within the heartbeat timeout, not the activity's whole timeout.
 */
export async function heartbeating<T>(work: () => Promise<T>): Promise<T> {
  const context = Context.current();
  context.heartbeat();
  const timer = setInterval(() => context.heartbeat(), HEARTBEAT_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
