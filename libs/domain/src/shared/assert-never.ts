/** Closes a discriminated union: the compiler proves this is unreachable; at run time it reports the stray value. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
