import { DomainError } from '../shared/domain-error';
import { MS_PER_DAY, VN_OFFSET_MS, isIsoDate, toIso, toMs } from '../shared/time';
import { FIXED_SOLAR_HOLIDAYS, VN_HOLIDAY_TABLE, type HolidayYear } from './vn-public-holidays';

const BY_YEAR: ReadonlyMap<number, HolidayYear> = new Map(VN_HOLIDAY_TABLE.map((entry) => [entry.year, entry]));
const DAYS_OFF: ReadonlySet<string> = new Set(VN_HOLIDAY_TABLE.flatMap((entry) => entry.daysOff));
const WORKING_SATURDAYS: ReadonlySet<string> = new Set(VN_HOLIDAY_TABLE.flatMap((entry) => entry.workingSaturdays));

/** The local (Asia/Ho_Chi_Minh) calendar date of an instant, `YYYY-MM-DD`. */
export const vnLocalDate = (iso: string): string => toIso(toMs(iso) + VN_OFFSET_MS).slice(0, 10);

const dateToUtcMs = (date: string): number => Date.parse(`${date}T00:00:00.000Z`);

export const addCalendarDays = (date: string, days: number): string => toIso(dateToUtcMs(date) + days * MS_PER_DAY).slice(0, 10);

/** 23:59:59.999+07:00 on that local date, as a canonical UTC instant. */
export const endOfVnDay = (date: string): string => toIso(dateToUtcMs(date) + MS_PER_DAY - 1 - VN_OFFSET_MS);

function toLocalDate(dateOrIso: string): string {
  if (isIsoDate(dateOrIso)) return dateOrIso;
  return vnLocalDate(dateOrIso);
}

function isKnownHoliday(date: string): boolean {
  if (BY_YEAR.has(Number(date.slice(0, 4)))) return DAYS_OFF.has(date);
  return FIXED_SOLAR_HOLIDAYS.includes(date.slice(5));
}

/** A local date (`YYYY-MM-DD`) or an instant (judged by its Asia/Ho_Chi_Minh date). */
export function isWorkingDay(dateOrIso: string): boolean {
  const date = toLocalDate(dateOrIso);
  if (WORKING_SATURDAYS.has(date)) return true;
  const weekday = new Date(dateToUtcMs(date)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !isKnownHoliday(date);
}

/** The date itself if it is a working day, else the next working day. */
export function nextWorkingDayOnOrAfter(date: string): string {
  let current = date;
  while (!isWorkingDay(current)) current = addCalendarDays(current, 1);
  return current;
}

/**
 * End (23:59:59.999+07:00) of the `days`-th working day after the local date of `fromIso`. Counting starts the
 * next day, as for legal time limits; 0 days means the end of that day, moved to the next working day if needed.
 */
export function addWorkingDays(fromIso: string, days: number): string {
  if (!Number.isInteger(days) || days < 0 || days > 3650) {
    throw new DomainError('VALIDATION_FAILED', `working days must be an integer between 0 and 3650, got ${days}`, { field: 'days' });
  }
  let date = toLocalDate(fromIso);
  if (days === 0) return endOfVnDay(nextWorkingDayOnOrAfter(date));
  for (let counted = 0; counted < days; ) {
    date = addCalendarDays(date, 1);
    if (isWorkingDay(date)) counted += 1;
  }
  return endOfVnDay(date);
}
