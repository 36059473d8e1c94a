import { DomainError } from '../shared/domain-error';
import { resolveDeadline } from './deadline';
import { VN_HOLIDAY_TABLE } from './vn-public-holidays';
import { addWorkingDays, endOfVnDay, isWorkingDay, nextWorkingDayOnOrAfter, vnLocalDate } from './working-days';

describe('Vietnamese working days', () => {
  it('knows weekends and ordinary weekdays', () => {
    expect(isWorkingDay('2024-03-01')).toBe(true); // Friday
    expect(isWorkingDay('2024-03-02')).toBe(false); // Saturday
    expect(isWorkingDay('2024-03-03')).toBe(false); // Sunday
    expect(isWorkingDay('2024-03-04')).toBe(true); // Monday
  });

  it('takes Tết Giáp Thìn 2024 (8–14 February) off', () => {
    expect(isWorkingDay('2024-02-07')).toBe(true);
    for (const day of ['08', '09', '10', '11', '12', '13', '14']) expect(isWorkingDay(`2024-02-${day}`)).toBe(false);
    expect(isWorkingDay('2024-02-15')).toBe(true);
  });

  it('takes 30/4–1/5 off and counts the swapped Saturday as a working day', () => {
    expect(isWorkingDay('2024-04-29')).toBe(false); // swapped Monday
    expect(isWorkingDay('2024-04-30')).toBe(false);
    expect(isWorkingDay('2024-05-01')).toBe(false);
    expect(isWorkingDay('2024-05-02')).toBe(true);
    expect(isWorkingDay('2024-05-04')).toBe(true); // Saturday worked (làm bù)
    expect(isWorkingDay('2025-04-26')).toBe(true);
    expect(isWorkingDay('2025-05-02')).toBe(false);
  });

  it('knows Hùng Kings day, National Day with its adjacent day, and compensatory days', () => {
    expect(isWorkingDay('2024-04-18')).toBe(false);
    expect(isWorkingDay('2024-09-02')).toBe(false);
    expect(isWorkingDay('2024-09-03')).toBe(false);
    expect(isWorkingDay('2024-09-04')).toBe(true);
    expect(isWorkingDay('2023-01-02')).toBe(false); // 1/1/2023 was a Sunday
    expect(isWorkingDay('2030-02-01')).toBe(false); // computed: Tết 2030 is 2 February in Việt Nam
  });

  it('judges an instant by its Hà Nội date', () => {
    expect(vnLocalDate('2024-03-01T17:30:00Z')).toBe('2024-03-02');
    expect(isWorkingDay('2024-03-01T16:59:59.999Z')).toBe(true); // Friday 23:59:59.999 local
    expect(isWorkingDay('2024-03-01T17:00:00.000Z')).toBe(false); // Saturday 00:00 local
  });

  it('falls back to weekends and fixed solar holidays outside 2023–2030', () => {
    expect(isWorkingDay('2031-01-01')).toBe(false);
    expect(isWorkingDay('2031-01-02')).toBe(true);
    expect(isWorkingDay('2031-04-30')).toBe(false);
  });

  it('ends a day at 23:59:59.999+07:00', () => {
    expect(endOfVnDay('2024-03-29')).toBe('2024-03-29T16:59:59.999Z');
    expect(nextWorkingDayOnOrAfter('2024-02-10')).toBe('2024-02-15');
  });

  describe('addWorkingDays', () => {
    it('starts counting the next day and skips weekends', () => {
      expect(addWorkingDays('2024-03-01T09:00:00+07:00', 1)).toBe('2024-03-04T16:59:59.999Z');
      expect(addWorkingDays('2024-03-04T09:00:00+07:00', 5)).toBe('2024-03-11T16:59:59.999Z');
    });

    it('skips Tết 2024', () => {
      expect(addWorkingDays('2024-02-07T09:00:00+07:00', 1)).toBe('2024-02-15T16:59:59.999Z');
      expect(addWorkingDays('2024-02-01T09:00:00+07:00', 10)).toBe('2024-02-22T16:59:59.999Z');
    });

    it('skips 30/4–1/5 and counts the make-up Saturday', () => {
      expect(addWorkingDays('2024-04-26T09:00:00+07:00', 1)).toBe('2024-05-02T16:59:59.999Z');
      expect(addWorkingDays('2024-04-26T09:00:00+07:00', 3)).toBe('2024-05-04T16:59:59.999Z');
    });

    it('with 0 days ends the same day, or the next working day', () => {
      expect(addWorkingDays('2024-03-01T09:00:00+07:00', 0)).toBe('2024-03-01T16:59:59.999Z');
      expect(addWorkingDays('2024-03-02T09:00:00+07:00', 0)).toBe('2024-03-04T16:59:59.999Z');
    });

    it('rejects a negative or fractional count', () => {
      expect(() => addWorkingDays('2024-03-01T09:00:00+07:00', -1)).toThrow(DomainError);
      expect(() => addWorkingDays('2024-03-01T09:00:00+07:00', 1.5)).toThrow(DomainError);
    });
  });
});

describe('resolveDeadline', () => {
  const from = '2024-02-01T09:00:00+07:00';

  it('ends a date deadline at the end of that day in Asia/Ho_Chi_Minh', () => {
    expect(resolveDeadline({ kind: 'date', date: '2024-03-29' }, from)).toBe('2024-03-29T16:59:59.999Z');
  });

  it('moves a date on a non-working day to the end of the next working day', () => {
    expect(resolveDeadline({ kind: 'date', date: '2024-03-31' }, from)).toBe('2024-04-01T16:59:59.999Z');
    expect(resolveDeadline({ kind: 'date', date: '2024-02-10' }, from)).toBe('2024-02-15T16:59:59.999Z');
  });

  it('adds calendar days, then moves off a holiday', () => {
    expect(resolveDeadline({ kind: 'calendarDays', days: 5 }, from)).toBe('2024-02-06T16:59:59.999Z');
    expect(resolveDeadline({ kind: 'calendarDays', days: 10 }, from)).toBe('2024-02-15T16:59:59.999Z');
  });

  it('adds working days', () => {
    expect(resolveDeadline({ kind: 'workingDays', days: 10 }, from)).toBe('2024-02-22T16:59:59.999Z');
  });

  it('keeps an explicit instant, canonicalised to UTC', () => {
    expect(resolveDeadline({ kind: 'instant', at: '2024-02-10T10:00:00+07:00' }, from)).toBe('2024-02-10T03:00:00.000Z');
  });

  it('rejects malformed specs with VALIDATION_FAILED', () => {
    for (const spec of [
      { kind: 'date', date: '2024-02-30' },
      { kind: 'instant', at: '10/02/2024' },
      { kind: 'calendarDays', days: 0 },
      { kind: 'workingDays', days: 2.5 },
    ] as const) {
      expect(() => resolveDeadline(spec, from)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
    expect(() => resolveDeadline({ kind: 'calendarDays', days: 1 }, 'yesterday')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('VN_HOLIDAY_TABLE', () => {
  const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

  it('covers 2023–2030, marks 2023–2025 official and later years computed', () => {
    expect(VN_HOLIDAY_TABLE.map((y) => y.year)).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(VN_HOLIDAY_TABLE.filter((y) => y.source === 'official').map((y) => y.year)).toEqual([2023, 2024, 2025]);
  });

  it('lists only weekdays of its own year as days off, sorted and distinct, and only Saturdays as make-up days', () => {
    for (const entry of VN_HOLIDAY_TABLE) {
      for (const day of entry.daysOff) {
        expect(day.startsWith(`${entry.year}-`)).toBe(true);
        expect([1, 2, 3, 4, 5]).toContain(weekday(day));
      }
      expect([...entry.daysOff].sort()).toEqual(entry.daysOff);
      expect(new Set(entry.daysOff).size).toBe(entry.daysOff.length);
      for (const day of entry.workingSaturdays) expect(weekday(day)).toBe(6);
      if (weekday(entry.lunarNewYear) % 6 !== 0) expect(entry.daysOff).toContain(entry.lunarNewYear);
      expect(entry.daysOff.filter((day) => day.endsWith('-04-30') || day.endsWith('-05-01') || day.endsWith('-09-02'))).toEqual(
        [`${entry.year}-04-30`, `${entry.year}-05-01`, `${entry.year}-09-02`].filter((day) => weekday(day) % 6 !== 0),
      );
    }
  });
});
