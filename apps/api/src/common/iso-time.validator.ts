import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isExactIsoInstant, isIsoDate } from '@app/domain';

/**
 * A date (`2023-09-30`) or an instant with its offset (`2023-09-30T10:00:00+07:00`), as the domain reads them.
 * Stricter than IsISO8601, which lets through week and ordinal dates, and offsets, PostgreSQL cannot read.
 */
export function IsIsoInstantOrDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoInstantOrDate',
      validator: {
        validate: (value: unknown) => isExactIsoInstant(value) || isIsoDate(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a date (YYYY-MM-DD) or an ISO 8601 instant with an offset (YYYY-MM-DDTHH:mm[:ss[.sss]]Z or ±HH:mm)`,
      },
    },
    options,
  );
}
