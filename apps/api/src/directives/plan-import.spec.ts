import { noticeWith, readSeed } from '../../../../test/fixtures/notices/notice-fixtures';
import { planImport } from './plan-import';

const POLICY = { deadlineDays: 30, acknowledgeDays: 3, proposeDays: 15 };

describe('planImport', () => {
  it('says when an "each of" item names coordinators its district tracks leave out', () => {
    const plan = planImport(noticeWith(['- Ban thường vụ các huyện, thành, thị ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy rà soát, báo cáo.']), POLICY);
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.directive.assignments?.[0]).toMatchObject({ kind: 'eachOf' });
    expect(plan.directive.assignments?.[0].agencies.map((a) => a.agency)).not.toContain('BTCTU');
    expect(plan.warnings).toContainEqual(expect.objectContaining({ code: 'EACH_OF_COORDINATORS_LEFT_OUT', assignmentKey: 'A1', message: expect.stringContaining('BTCTU') }));
  });

  it('warns of nothing of the kind for the seed notice, whose "each of" item names no coordinator', () => {
    const plan = planImport(readSeed(), POLICY);
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.warnings.map((w) => w.code)).not.toContain('EACH_OF_COORDINATORS_LEFT_OUT');
  });

  it('says when the notice falls outside the years the holiday table knows (working days there do not know Tết)', () => {
    const seed = planImport(readSeed(), POLICY);
    if (!seed.ok) throw new Error(seed.error.message);
    expect(seed.warnings.map((w) => w.code)).not.toContain('HOLIDAYS_NOT_KNOWN');
    const late = planImport(noticeWith(['- Ban Tổ chức Tỉnh ủy báo cáo trước ngày 15/2/2031.']), POLICY);
    if (!late.ok) throw new Error(late.error.message);
    expect(late.warnings).toContainEqual(expect.objectContaining({ code: 'HOLIDAYS_NOT_KNOWN', message: expect.stringContaining('in 2031') }));
  });

  it('says when a date is a day off, and to which working day the work then runs', () => {
    const plan = planImport(noticeWith(['- Ban Tổ chức Tỉnh ủy báo cáo trước ngày 2/9/2027.', '- Ban Tuyên giáo Tỉnh ủy báo cáo trước ngày 3/9/2027.']), POLICY);
    if (!plan.ok) throw new Error(plan.error.message);
    // Thursday 2/9/2027 is Quốc khánh; Friday 3/9 a working day.
    expect(plan.warnings.filter((w) => w.code === 'DEADLINE_ON_DAY_OFF')).toEqual([
      { code: 'DEADLINE_ON_DAY_OFF', assignmentKey: 'A1', message: 'Item A1: 2/9/2027 is a day off (a weekend or a public holiday); the work is due at the end of the next working day, 3/9/2027' },
    ]);
    const seed = planImport(readSeed(), POLICY);
    expect(seed.ok && seed.warnings.map((w) => w.code)).not.toContain('DEADLINE_ON_DAY_OFF');
  });
});
