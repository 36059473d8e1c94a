import { DomainError } from './domain-error';

/** Date and time with seconds optional, fraction up to milliseconds, and an explicit offset. */
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const MS_PER_DAY = 86_400_000;
/** Asia/Ho_Chi_Minh: UTC+07:00 all year, no daylight saving time. */
export const VN_OFFSET_MS = 7 * 3_600_000;

/** 0001-01-01T00:00:00Z (Date.UTC maps years 0–99 to 1900–1999): PostgreSQL has no year 0 to store earlier ones. */
const FIRST_STORABLE_MS = -62_135_596_800_000;
/** 9999-12-31T23:59:59.999Z: later instants print as +010000-…, which PostgreSQL does not read. */
const LAST_STORABLE_MS = 253_402_300_799_999;

/**
 * A full instant with its offset, as commands carry them. Lenient as it always was (Date.parse rolls 06-31 over to
 * 07-01 and reads offsets to ±23:59): recorded commands decided again on replay must decide as they did.
 */
export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return false;
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && ms >= FIRST_STORABLE_MS && ms <= LAST_STORABLE_MS;
}

/**
 * An instant that means what it says, for what arrives at the edges now: a real calendar day, hours to 23, minutes and
 * seconds to 59, an offset within ±14:00 (the world's; PostgreSQL refuses past ±15:59).
 */
export function isExactIsoInstant(value: unknown): value is string {
  const parts = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
  if (!parts) return false;
  const [, date, hour, minute, second = '0', offsetHour = '0', offsetMinute = '0'] = parts;
  return isIsoDate(date) && +hour <= 23 && +minute <= 59 && +second <= 59 && +offsetHour <= 14 && +offsetMinute <= 59 && isIsoInstant(value);
}

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (!ISO_DATE.test(value)) return false;
  if (value.startsWith('0000')) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

/** Milliseconds since the epoch; throws VALIDATION_FAILED for anything but a full ISO-8601 instant. */
export function toMs(iso: string, field = 'at'): number {
  if (!isIsoInstant(iso)) throw new DomainError('VALIDATION_FAILED', `${field} must be an ISO-8601 instant with an offset, got ${JSON.stringify(iso)}`, { field });
  return Date.parse(iso);
}

/** The canonical form every event stores: UTC, milliseconds, `Z`. */
export const toIso = (ms: number): string => new Date(ms).toISOString();

export const canonicalInstant = (iso: string, field = 'at'): string => toIso(toMs(iso, field));

export const addMs = (iso: string, ms: number): string => toIso(Date.parse(iso) + ms);

export const isAfter = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);

export const maxInstant = (a: string, b: string): string => (Date.parse(a) >= Date.parse(b) ? a : b);
