import { Transform } from 'class-transformer';
import { isIsoDate } from '@app/domain';

/**
 * A date alone (`2023-06-30`) in a query means that day in Vietnam, from its first instant (00:00+07:00), not the
 * database session's midnight: overdue marks fall at 00:00 local time, 17:00 UTC the day before.
 */
export const VietnamDayStart = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (isIsoDate(value) ? `${value}T00:00:00+07:00` : value));

/** A date alone as a deadline means the end of that day in Vietnam (23:59:59.999+07:00), as the notices' deadlines do. */
export const VietnamDayEnd = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (isIsoDate(value) ? `${value}T23:59:59.999+07:00` : value));
