// @app/domain: the pure deciders for directives and assignments. No I/O, no clock, no randomness:
// everything here runs inside Temporal workflows as well as in the API.
export { DOMAIN_ERROR_CODES, DomainError, isDomainError, type DomainErrorCode } from './shared/domain-error';
export type { Actor, ActorKind } from './shared/actor';
export { isExactIsoInstant, isIsoInstant, isIsoDate, MS_PER_DAY, VN_OFFSET_MS } from './shared/time';
export { isStorableText, MAX_SOURCE_TEXT_LENGTH } from './shared/text';

export { resolveDeadline, isDeadlineSpec, type DeadlineSpec } from './calendar/deadline';
export { addWorkingDays, isWorkingDay, nextWorkingDayOnOrAfter, endOfVnDay, vnLocalDate, addCalendarDays } from './calendar/working-days';
export { VN_HOLIDAY_TABLE, FIXED_SOLAR_HOLIDAYS, type HolidayYear } from './calendar/vn-public-holidays';

export * from './assignment/assignment-types';
export * from './assignment/assignment';
export * from './assignment/assignment-commands';
export { decide as decideAssignment } from './assignment/assignment-commands';
export { evolve as evolveAssignment } from './assignment/assignment';
export { nextTimer, type NextTimer } from './assignment/assignment-timers';
export { statusAt, summarize, emptyStatusCounts, type AssignmentSummary, type StageDeadlineSummary, type StageDeadlinesSummary, type TrackRollUp } from './assignment/assignment-status';

export * from './directive/directive';
export * from './directive/directive-commands';

import { ASSIGNMENT_EVENT_SCHEMA_VERSION } from './assignment/assignment';
import { DIRECTIVE_EVENT_SCHEMA_VERSION } from './directive/directive';

/** Schema version per event type, for the event store's `schemaVersion` column. */
export const EVENT_SCHEMA_VERSION = { ...ASSIGNMENT_EVENT_SCHEMA_VERSION, ...DIRECTIVE_EVENT_SCHEMA_VERSION } as const;
export type DomainEventType = keyof typeof EVENT_SCHEMA_VERSION;
export const EVENT_TYPES: readonly DomainEventType[] = Object.freeze(Object.keys(EVENT_SCHEMA_VERSION) as DomainEventType[]);
