import { noticeFingerprint, parseNotice, type ParsedAssignment } from '@app/notice-import';
import { expectOk, MONITOR_LINE, readSeed } from '../../../test/fixtures/notices/notice-fixtures';

/** A small notice with sections numbered "I.", "II.", "III.", section II holding items "1." to "3." of its own. */
function romanNotice(sectionThree: readonly string[], heading = 'III. NHIỆM VỤ, Ban Thường vụ Tỉnh ủy giao:'): string {
  return [
    'Ngày 22/3/2023, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị cán bộ chủ chốt.',
    'I. TÌNH HÌNH CHUNG',
    'Kinh tế - xã hội tiếp tục phục hồi.',
    'II. NHIỆM VỤ THỜI GIAN TỚI',
    '1. Tập trung phát triển kinh tế.',
    '2. Ban Tuyên giáo Tỉnh ủy đẩy mạnh tuyên truyền.',
    '3. Ban Dân vận Tỉnh ủy nắm tình hình Nhân dân.',
    heading,
    ...sectionThree,
  ].join('\n');
}

const summary = (a: ParsedAssignment) => ({ key: a.key, lead: a.agencies[0].code, text: a.text, deadline: a.deadline });

describe('parseNotice: sections numbered in Roman numerals', () => {
  it('takes section III, not the "3." of section II, and reads its items "1." … up to the "IV." heading', () => {
    const text = romanNotice([
      '1. Ban Tổ chức Tỉnh ủy rà soát quy định, hoàn thành trước ngày 30/9/2023.',
      '2. Ban cán sự đảng UBND tỉnh chủ trì, phối hợp với Đảng đoàn HĐND tỉnh đề xuất chính sách.',
      '3. Ủy ban Kiểm tra Tỉnh ủy kiểm tra việc thực hiện.',
      // Under "3." this short line would be the next heading; under "III." it can only be an item.
      '4. Sơ kết việc thực hiện.',
      '5. Đề nghị Ban Dân vận Tỉnh ủy tổng hợp ý kiến.',
      'IV. TỔ CHỨC THỰC HIỆN',
      MONITOR_LINE,
    ]);
    const { notice, warnings } = expectOk(parseNotice(text));
    expect(notice.assignments.map(summary)).toEqual([
      { key: 'A1', lead: 'BTCTU', text: 'rà soát quy định, hoàn thành trước ngày 30/9/2023.', deadline: { kind: 'date', date: '2023-09-30' } },
      { key: 'A2', lead: 'BCSDUBND', text: 'đề xuất chính sách.', deadline: { kind: 'workingDays', days: 30 } },
      { key: 'A3', lead: 'UBKTTU', text: 'kiểm tra việc thực hiện.', deadline: { kind: 'workingDays', days: 30 } },
      { key: 'A4', lead: 'VPTU', text: 'Sơ kết việc thực hiện.', deadline: { kind: 'workingDays', days: 30 } },
      { key: 'A5', lead: 'BDVTU', text: 'tổng hợp ý kiến.', deadline: { kind: 'workingDays', days: 30 } },
    ]);
    expect(notice.assignments[1].agencies).toEqual([{ code: 'BCSDUBND', role: 'lead' }, { code: 'DDHDND', role: 'coordinator' }]);
    expect(notice.assignments[0].paragraph).toBe('1. Ban Tổ chức Tỉnh ủy rà soát quy định, hoàn thành trước ngày 30/9/2023.');
    expect(notice.issuer.code).toBe('BTVTU');
    // The monitor paragraph is under IV, outside section 3: read as the monitor's, not as an item.
    expect(notice.monitor).toEqual({ agencyCode: 'VPTU', coordinators: ['BCSDUBND'], reportsTo: 'BTVTU', paragraph: MONITOR_LINE });
    expect(warnings.map((w) => w.code)).toEqual(['NO_ADDRESSEE']);
  });

  it.each([
    ['Phần III.', 'Phần III. NHIỆM VỤ', 'Phần IV. TỔ CHỨC THỰC HIỆN'],
    ['PHẦN III', 'PHẦN III NHIỆM VỤ', 'PHẦN IV TỔ CHỨC THỰC HIỆN'],
    ['PHẦN III -', 'PHẦN III - NHIỆM VỤ', 'PHẦN IV - TỔ CHỨC THỰC HIỆN'],
    ['Phần III:', 'Phần III: Nhiệm vụ', 'Phần IV: Tổ chức thực hiện'],
    ['PHẦN III alone', 'PHẦN III', 'PHẦN IV'],
    ['III)', 'III) PHÂN CÔNG THỰC HIỆN', 'IV) TỔ CHỨC THỰC HIỆN'],
  ])('reads a "%s" heading, not the "3." of section II, and ends section III at the heading IV written alike', (_, heading, end) => {
    const items = ['Ban Thường vụ Tỉnh ủy giao:', '1. Ban Tổ chức Tỉnh ủy rà soát quy định.', '2. Ủy ban Kiểm tra Tỉnh ủy kiểm tra việc thực hiện.'];
    const text = romanNotice([...items, end, '1. Các cấp ủy quán triệt kết luận.', MONITOR_LINE], heading);
    const { notice, warnings } = expectOk(parseNotice(text));
    expect(notice.assignments.map((a) => [a.key, a.agencies[0].code, a.paragraph])).toEqual([
      ['A1', 'BTCTU', '1. Ban Tổ chức Tỉnh ủy rà soát quy định.'],
      ['A2', 'UBKTTU', '2. Ủy ban Kiểm tra Tỉnh ủy kiểm tra việc thực hiện.'],
    ]);
    expect(notice.monitor.paragraph).toBe(MONITOR_LINE);
    expect(warnings).toEqual([]);
  });

  it('reads sections all headed "Phần I.", "Phần II.", "Phần III."', () => {
    const text = romanNotice(['- Ban Tổ chức Tỉnh ủy rà soát quy định.', MONITOR_LINE], 'Phần III. Ban Thường vụ Tỉnh ủy giao:')
      .replace('I. TÌNH HÌNH CHUNG', 'Phần I. TÌNH HÌNH CHUNG')
      .replace('II. NHIỆM VỤ THỜI GIAN TỚI', 'Phần II. NHIỆM VỤ THỜI GIAN TỚI');
    const { notice, warnings } = expectOk(parseNotice(text));
    expect(notice.assignments.map((a) => a.paragraph)).toEqual(['- Ban Tổ chức Tỉnh ủy rà soát quy định.']);
    expect(warnings).toEqual([]);
  });

  it.each(['C. PHÂN CÔNG THỰC HIỆN', 'Mục ba: PHÂN CÔNG THỰC HIỆN', 'III PHÂN CÔNG THỰC HIỆN'])(
    'answers NO_SECTION_3 when a notice headed "I.", "II." has no heading III it can read ("%s"), not the "3." item of section II',
    (heading) => {
      const text = romanNotice(['1. Ban Tổ chức Tỉnh ủy rà soát quy định.', 'IV. TỔ CHỨC THỰC HIỆN', MONITOR_LINE], heading);
      const result = parseNotice(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('NO_SECTION_3');
    },
  );

  it('still takes the "3." heading of a notice numbered "1.", "2.", "3." whose section 2 lists "I.", "II." as items', () => {
    const text = [
      'Ngày 22/3/2023, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị cán bộ chủ chốt.',
      '1. Tình hình chung.',
      '2. Nhiệm vụ thời gian tới:',
      'I. Về kinh tế.',
      'II. Về xây dựng Đảng.',
      '3. Ban Thường vụ Tỉnh ủy giao:',
      '- Ban Tổ chức Tỉnh ủy rà soát quy định.',
      MONITOR_LINE,
    ].join('\n');
    expect(expectOk(parseNotice(text)).notice.assignments.map((a) => a.agencies[0].code)).toEqual(['BTCTU']);
  });

  it.each([
    ['III -', 'III - KẾT LUẬN'],
    ['III/', 'III/ KẾT LUẬN'],
    ['III.', 'III.KẾT LUẬN'],
  ])('reads a "%s" heading over a line "Ban Thường vụ Tỉnh ủy giao:", with items "a)", "b)" and the monitor paragraph', (_, heading) => {
    const text = romanNotice(['Ban Thường vụ Tỉnh ủy giao:', 'a) Ban Tổ chức Tỉnh ủy rà soát quy định.', 'b) Ban Dân vận Tỉnh ủy nắm tình hình.', MONITOR_LINE], heading);
    const { notice, warnings } = expectOk(parseNotice(text));
    expect(notice.assignments.map((a) => [a.key, a.agencies[0].code, a.text])).toEqual([
      ['A1', 'BTCTU', 'rà soát quy định.'],
      ['A2', 'BDVTU', 'nắm tình hình.'],
    ]);
    expect(notice.monitor.agencyCode).toBe('VPTU');
    expect(warnings).toEqual([]);
  });

  it('reads unmarked paragraphs as items, ending at "Nơi nhận"', () => {
    const text = romanNotice(['Ban Tổ chức Tỉnh ủy rà soát quy định.', 'Ban Dân vận Tỉnh ủy nắm tình hình.', 'Nơi nhận:', '- Như trên,']);
    const { notice } = expectOk(parseNotice(text));
    expect(notice.assignments.map((a) => [a.key, a.agencies[0].code])).toEqual([['A1', 'BTCTU'], ['A2', 'BDVTU']]);
  });

  it('does not take a quarter wrapped to the start of a line ("III/2023", "quý" then "IV.") or initials ("V. I. Lênin") for a heading', () => {
    const text = romanNotice([
      '- Ban Tổ chức Tỉnh ủy hoàn thành trong quý',
      'III/2023.',
      '- Ban Tuyên giáo Tỉnh ủy tuyên truyền tư tưởng của',
      'V. I. Lênin về xây dựng Đảng.',
      '- Ban Dân vận Tỉnh ủy hoàn thành trong quý',
      'IV. Kết quả báo cáo Ban Thường vụ Tỉnh ủy.',
      MONITOR_LINE,
    ]);
    const { notice } = expectOk(parseNotice(text));
    expect(notice.assignments.map((a) => [a.agencies[0].code, a.deadline])).toEqual([
      ['BTCTU', { kind: 'date', date: '2023-09-30' }],
      ['BTGTU', { kind: 'workingDays', days: 30 }],
      ['BDVTU', { kind: 'date', date: '2023-12-31' }],
    ]);
    expect(notice.assignments[1].text).toBe('tuyên truyền tư tưởng của V. I. Lênin về xây dựng Đảng.');
    expect(notice.monitor.agencyCode).toBe('VPTU');
  });

  it('does not take a quarter wrapped in section II ("III/2023", "quý" then "III.") for the heading of section III', () => {
    const text = romanNotice(['- Ban Tổ chức Tỉnh ủy rà soát quy định.', MONITOR_LINE]).replace(
      '3. Ban Dân vận Tỉnh ủy nắm tình hình Nhân dân.',
      '3. Ban Dân vận Tỉnh ủy nắm tình hình Nhân dân trong quý\nIII/2023 và quý\nIII. Ban Tổ chức Tỉnh ủy nắm tình hình.',
    );
    const { notice, warnings } = expectOk(parseNotice(text));
    expect(notice.assignments.map((a) => a.paragraph)).toEqual(['- Ban Tổ chức Tỉnh ủy rà soát quy định.']);
    expect(warnings).toEqual([]);
  });

  it('reads a lone "III." heading, without sections I and II', () => {
    const text = ['Ngày 22/3/2023, Ban Thường vụ Tỉnh ủy họp.', 'III. Ban Thường vụ Tỉnh ủy giao:', '- Ban Tổ chức Tỉnh ủy rà soát quy định.'].join('\n');
    const { notice } = expectOk(parseNotice(text));
    expect(notice.assignments.map((a) => a.agencies[0].code)).toEqual(['BTCTU']);
  });

  it('gives the seed renumbered "I.", "II.", "III." the same assignments and the same directive id', () => {
    const seed = readSeed();
    const seedNotice = expectOk(parseNotice(seed)).notice;
    const roman = seed.replace(/^1\. Triển khai/mu, 'I. Triển khai').replace(/^2\. Thời gian tới/mu, 'II. Thời gian tới').replace(/^3\. Về các kiến nghị/mu, 'III. Về các kiến nghị');
    expect(roman.match(/^(?:I|II|III)\. /gmu)).toHaveLength(3);
    const { notice } = expectOk(parseNotice(roman));
    expect(notice.assignments.map(summary)).toEqual(seedNotice.assignments.map(summary));
    expect(notice.monitor).toEqual(seedNotice.monitor);
    expect(noticeFingerprint(notice)).toBe(noticeFingerprint(seedNotice));
    expect(noticeFingerprint(notice)).toBe('BTVTU-2023-03-22-bc663451c198e6d3');
  });
});
