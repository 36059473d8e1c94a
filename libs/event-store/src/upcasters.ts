import type { StoredEvent } from './types';

/** Turns the data of (type, schemaVersion) into the data of schemaVersion + 1. */
export type Upcaster = (data: unknown) => unknown;
export type UpcasterRegistry = ReadonlyMap<string, Upcaster>;

export const upcasterKey = (type: string, schemaVersion: number): string => `${type}@${schemaVersion}`;

/** Applies upcasters on read until no more apply, so readers only ever see current schema versions. */
export function upcast(event: StoredEvent, upcasters: UpcasterRegistry): StoredEvent {
  let current = event;
  for (let up = upcasters.get(upcasterKey(current.type, current.schemaVersion)); up; up = upcasters.get(upcasterKey(current.type, current.schemaVersion))) {
    current = { ...current, data: up(current.data), schemaVersion: current.schemaVersion + 1 };
  }
  return current;
}
