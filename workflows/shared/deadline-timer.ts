import { CancellationScope, condition, sleep } from '@temporalio/workflow';

interface ArmedTimer {
  at: string;
  scope: CancellationScope;
  fired: boolean;
}

/**
 * The durable timer for the next deadline, kept across commands that leave that deadline where it was: a step that
 * changes nothing about what is due next writes no TimerCanceled / TimerStarted pair to history.
 */
export class DeadlineTimer {
  private armed?: ArmedTimer;

  /** Resolves 'fired' when the deadline `at` passes, 'changed' as soon as `changed()` holds, whichever comes first. */
  async waitUntil(at: string, changed: () => boolean): Promise<'fired' | 'changed'> {
    const timer = this.arm(at);
    // One condition over a flag rather than a race of promises: the SDK records a stack for every promise created
    // in workflow code, and this wait runs after every step.
    await condition(() => timer.fired || changed());
    if (!timer.fired) return 'changed';
    this.armed = undefined;
    return 'fired';
  }

  cancel(): void {
    this.armed?.scope.cancel();
    this.armed = undefined;
  }

  private arm(at: string): ArmedTimer {
    if (this.armed?.at === at) return this.armed;
    this.cancel();
    const timer: ArmedTimer = { at, scope: new CancellationScope(), fired: false };
    timer.scope
      .run(() => sleep(Math.max(1, Date.parse(at) - Date.now())))
      .then(
        () => {
          timer.fired = true;
        },
        () => undefined, // cancelled: a new deadline replaced it
      );
    this.armed = timer;
    return timer;
  }
}
