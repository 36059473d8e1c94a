import { isWorkingDay, type AssignmentSummary } from '@app/domain';

/**
 * Whether the deadline in force, and the date a pending extension asks for, fall on a day off (a weekend, a public
 * holiday, Tết), so the Office sees it before approving. Judged when shown: a corrected holiday table applies at once.
 */
export interface DayOffMarks {
  readonly dueOnDayOff: boolean;
  readonly pendingExtensionOnDayOff: boolean;
}

type Dated = Pick<AssignmentSummary, 'dueAt' | 'pendingExtensionDueAt'>;

export function withDayOffMarks<T extends Dated>(view: T): T & DayOffMarks {
  return { ...view, dueOnDayOff: onDayOff(view.dueAt), pendingExtensionOnDayOff: onDayOff(view.pendingExtensionDueAt) };
}

/** Read from a stored row, an instant in whatever form PostgreSQL kept it: a mark is never worth refusing a read over. */
function onDayOff(instant: string | null | undefined): boolean {
  const ms = instant ? Date.parse(instant) : Number.NaN;
  return Number.isFinite(ms) && !isWorkingDay(new Date(ms).toISOString());
}
