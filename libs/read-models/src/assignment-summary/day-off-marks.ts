import { isWorkingDay, VN_OFFSET_MS, type AssignmentSummary } from '@app/domain';

/**
 * Whether the deadline in force, and the date a pending extension asks for, fall on a day off (a weekend, a public
 * holiday, Tết), so the Office sees it before approving. Judged when shown: a corrected holiday table applies at once.
 */
export interface DayOffMarks {
  readonly dueOnDayOff: boolean;
  readonly pendingExtensionOnDayOff: boolean;
}

type Dated = Pick<AssignmentSummary, 'dueAt' | 'pendingExtensionDueAt'>;

export function dayOffMarks(view: Dated): DayOffMarks {
  return { dueOnDayOff: onDayOff(view.dueAt), pendingExtensionOnDayOff: onDayOff(view.pendingExtensionDueAt) };
}

export function withDayOffMarks<T extends Dated>(view: T): T & DayOffMarks {
  return { ...view, ...dayOffMarks(view) };
}

/** Days already judged, by local date: a list of fifty rows shares a handful of dates. */
const judged = new Map<string, boolean>();

/** Read from a stored row, an instant in whatever form PostgreSQL kept it: a mark is never worth refusing a read over. */
function onDayOff(instant: string | null | undefined): boolean {
  const ms = instant ? Date.parse(instant) : Number.NaN;
  if (!Number.isFinite(ms)) return false;
  const date = new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
  // Past year 9999 in Hà Nội (an instant in its last hours) the date has no YYYY-MM-DD form: no mark.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  let dayOff = judged.get(date);
  if (dayOff === undefined) {
    if (judged.size >= 4096) judged.clear();
    dayOff = !isWorkingDay(date);
    judged.set(date, dayOff);
  }
  return dayOff;
}
