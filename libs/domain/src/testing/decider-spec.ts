import { DomainError, type DomainErrorCode } from '../shared/domain-error';

/** Freezes deeply so a decide that mutates its state throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the command to be rejected, but it was accepted');
}

export interface Decider<C, E, S> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  initialState: S;
}

/**
 * given(events).when(command).then(expectedEvents) / .thenRejects(code). Checks as well that decide leaves the
 * (deeply frozen) state untouched and that the produced events survive a JSON round trip unchanged.
 */
export function deciderSpec<C, E, S>(decider: Decider<C, E, S>) {
  return (given: readonly E[]) => {
    const state = deepFreeze(given.reduce(decider.evolve, decider.initialState));
    const snapshot = JSON.stringify(state);
    return {
      when(command: C) {
        return {
          then(expected: readonly E[]): E[] {
            const events = decider.decide(command, state);
            expect(events).toEqual(expected);
            expect(JSON.parse(JSON.stringify(events))).toEqual(events);
            expect(JSON.stringify(state)).toBe(snapshot);
            return events;
          },
          thenRejects(code: DomainErrorCode): DomainError {
            const error = caught(() => decider.decide(command, state));
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).code).toBe(code);
            expect((error as DomainError).name).toBe('DomainError');
            expect((error as DomainError).message.length).toBeGreaterThan(0);
            expect(JSON.stringify(state)).toBe(snapshot);
            return error as DomainError;
          },
        };
      },
    };
  };
}
