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
  const pending = view.pendingExtensionDueAt;
  return { ...view, dueOnDayOff: !isWorkingDay(view.dueAt), pendingExtensionOnDayOff: pending ? !isWorkingDay(pending) : false };
}
