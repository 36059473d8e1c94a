/** Calendar helpers on plain numbers: no Date, no clock, no time zone. */

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** `YYYY-MM-DD`. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  return m !== null && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function monthEnd(year: number, month: number): string {
  return isoDate(year, month, daysInMonth(year, month));
}

export function quarterEnd(year: number, quarter: number): string {
  return monthEnd(year, quarter * 3);
}

/** The last day of the month before `month` of `year` ("trước tháng 1/2024" is 31/12/2023). */
export function monthBeforeEnd(year: number, month: number): string {
  return month === 1 ? isoDate(year - 1, 12, 31) : monthEnd(year, month - 1);
}

/** The same day `months` later, or that month's last day when it is shorter (31/1 + 1 month is 28 or 29/2). */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** `2023-03-22` → `22/3/2023`, the way notices write dates. */
export function vietnameseShortDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day}/${month}/${year}`;
}
