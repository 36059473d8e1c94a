/**
 * Runs async steps one after another. Update handlers and timers all change the same state and append at the
 * stream's next version, so they must never interleave across an activity call.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  run<T>(step: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.tail.then(step);
    this.tail = result.then(
      () => (this.pending -= 1),
      () => (this.pending -= 1),
    );
    return result;
  }

  get idle(): boolean {
    return this.pending === 0;
  }
}
