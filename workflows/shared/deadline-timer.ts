import { CancellationScope, condition, sleep } from '@temporalio/workflow';

/**
 * The durable timer for the next deadline, kept across commands that leave that deadline where it was: a step that
 * changes nothing about what is due next writes no TimerCanceled / TimerStarted pair to history.
 */
export class DeadlineTimer {
  private armed?: { at: string; scope: CancellationScope; fired: Promise<boolean> };

  /** Resolves 'fired' when the deadline `at` passes, 'changed' as soon as `changed()` holds, whichever comes first. */
  async waitUntil(at: string, changed: () => boolean): Promise<'fired' | 'changed'> {
    const fired = this.arm(at);
    const outcome = await CancellationScope.cancellable(async () => {
      try {
        return await Promise.race([fired.then(() => 'fired' as const), condition(changed).then(() => 'changed' as const)]);
      } finally {
        CancellationScope.current().cancel(); // the condition, never the timer: it lives in a scope of its own
      }
    });
    if (outcome === 'fired') this.armed = undefined;
    return outcome;
  }

  cancel(): void {
    this.armed?.scope.cancel();
    this.armed = undefined;
  }

  private arm(at: string): Promise<boolean> {
    if (this.armed?.at === at) return this.armed.fired;
    this.cancel();
    const scope = new CancellationScope();
    const fired = scope.run(() => sleep(Math.max(1, Date.parse(at) - Date.now()))).then(
      () => true,
      () => false,
    );
    this.armed = { at, scope, fired };
    return fired;
  }
}
