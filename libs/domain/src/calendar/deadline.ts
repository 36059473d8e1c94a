import { DomainError } from '../shared/domain-error';
import { canonicalInstant, isIsoDate, isIsoInstant } from '../shared/time';
import { addCalendarDays, addWorkingDays, endOfVnDay, nextWorkingDayOnOrAfter, vnLocalDate } from './working-days';

export type DeadlineSpec =
  | { kind: 'date'; date: string }
  | { kind: 'instant'; at: string }
  | { kind: 'calendarDays'; days: number }
  | { kind: 'workingDays'; days: number };

/**
 * The instant a deadline ends. `date` and `calendarDays` end at 23:59:59.999+07:00 and, when that day is not a
 * working day, move to the end of the next working day (Civil Code 2015 art. 148). `workingDays` counts from the
 * day after `fromIso`. An explicit `instant` is taken as given.
 */
export function resolveDeadline(spec: DeadlineSpec, fromIso: string): string {
  const from = canonicalInstant(fromIso, 'deadlineFrom');
  switch (spec.kind) {
    case 'date':
      if (!isIsoDate(spec.date)) throw new DomainError('VALIDATION_FAILED', `deadline.date must be YYYY-MM-DD, got ${JSON.stringify(spec.date)}`, { field: 'deadline.date' });
      return endOfVnDay(nextWorkingDayOnOrAfter(spec.date));
    case 'instant':
      if (!isIsoInstant(spec.at)) throw new DomainError('VALIDATION_FAILED', 'deadline.at must be an ISO-8601 instant', { field: 'deadline.at' });
      return canonicalInstant(spec.at, 'deadline.at');
    case 'calendarDays':
      requireDayCount(spec.days);
      return endOfVnDay(nextWorkingDayOnOrAfter(addCalendarDays(vnLocalDate(from), spec.days)));
    case 'workingDays':
      requireDayCount(spec.days);
      return addWorkingDays(from, spec.days);
    default:
      return assertNever(spec);
  }
}

function requireDayCount(days: number): void {
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new DomainError('VALIDATION_FAILED', `deadline.days must be an integer between 1 and 3650, got ${days}`, { field: 'deadline.days' });
  }
}

export function isDeadlineSpec(value: unknown): value is DeadlineSpec {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'date' || kind === 'instant' || kind === 'calendarDays' || kind === 'workingDays';
}

function assertNever(value: never): never {
  throw new DomainError('VALIDATION_FAILED', `unknown deadline kind ${JSON.stringify(value)}`);
}
