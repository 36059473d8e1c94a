import { withDayOffMarks } from './day-off-marks';

describe('withDayOffMarks', () => {
  const working = '2031-04-10T16:59:59.999Z'; // Thursday 10/4/2031, the end of the day in Hà Nội

  it('marks nothing on working days, and no pending request as not on a day off', () => {
    expect(withDayOffMarks({ dueAt: working, pendingExtensionDueAt: null })).toMatchObject({ dueOnDayOff: false, pendingExtensionOnDayOff: false });
  });

  it('marks a weekend and a public holiday, judged by the date in Hà Nội', () => {
    const nationalDay = '2031-09-02T03:00:00.000Z'; // Tuesday 2/9, Quốc khánh
    expect(withDayOffMarks({ dueAt: nationalDay, pendingExtensionDueAt: '2031-04-12T02:00:00.000Z' })).toMatchObject({ dueOnDayOff: true, pendingExtensionOnDayOff: true });
    // 23:30 UTC on Friday is already Saturday in Hà Nội; 16:59 UTC on Sunday is still Sunday there.
    expect(withDayOffMarks({ dueAt: '2031-04-11T23:30:00.000Z', pendingExtensionDueAt: '2031-04-13T16:59:59.999Z' })).toMatchObject({ dueOnDayOff: true, pendingExtensionOnDayOff: true });
    expect(withDayOffMarks({ dueAt: '2031-04-11T16:00:00.000Z', pendingExtensionDueAt: '2031-04-13T17:00:00.000Z' })).toMatchObject({ dueOnDayOff: false, pendingExtensionOnDayOff: false });
  });

  it('reads an instant as PostgreSQL writes it (microseconds, +00:00), and marks nothing it cannot read', () => {
    expect(withDayOffMarks({ dueAt: '2031-04-12T03:00:00.123456+00:00', pendingExtensionDueAt: 'soon' })).toMatchObject({ dueOnDayOff: true, pendingExtensionOnDayOff: false });
    // The last hours of 9999 in UTC are already year 10000 in Hà Nội.
    expect(withDayOffMarks({ dueAt: '9999-12-31T20:00:00.000Z', pendingExtensionDueAt: null })).toMatchObject({ dueOnDayOff: false });
  });

  it('knows Tết from the holiday table', () => {
    expect(withDayOffMarks({ dueAt: '2026-02-18T05:00:00.000Z', pendingExtensionDueAt: null }).dueOnDayOff).toBe(true); // Wednesday, 2nd day of Tết Bính Ngọ
  });
});
