import { isExactIsoInstant, isIsoInstant } from './time';

describe('isExactIsoInstant', () => {
  it.each(['2023-03-22T10:00Z', '2023-03-22T10:00:05.123+07:00', '2024-02-29T23:59:59-14:00', '2023-12-31T00:00:00+14:00'])('takes %s', (value) => {
    expect(isExactIsoInstant(value)).toBe(true);
  });

  it.each([
    ['a day the month does not have', '2023-06-31T00:00Z'],
    ['February 29 of a common year', '2023-02-29T00:00Z'],
    ['hour 24', '2023-03-22T24:00Z'],
    ['minute 60', '2023-03-22T10:60Z'],
    ['second 60', '2023-03-22T10:00:60Z'],
    ['an offset beyond ±14:00', '2023-06-30T00:00-20:00'],
    ['offset minutes past 59', '2023-06-30T00:00+07:60'],
    ['no offset', '2023-06-30T00:00'],
  ])('refuses %s (%s), which Date.parse would roll over or PostgreSQL refuse', (_, value) => {
    expect(isExactIsoInstant(value)).toBe(false);
  });
});

describe('isIsoInstant', () => {
  it('still reads what recorded commands may hold (decided again on replay): a rolled-over day, an offset past ±14:00', () => {
    for (const value of ['2023-06-31T00:00Z', '2025-03-01T17:00:00+17:00']) expect(isIsoInstant(value)).toBe(true);
  });
});
