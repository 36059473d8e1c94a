import { noticeFingerprint, parseNotice } from '@app/notice-import';
import { expectOk, MONITOR_LINE, noticeWith, readSeed } from '../../../test/fixtures/notices/notice-fixtures';

const BTC_MONITOR = 'Ban Tổ chức Tỉnh ủy theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Ban Thường vụ Tỉnh ủy.';

/** A notice numbered "I.", "II.", "III.", then the lines of its section IV. */
function romanNotice(sectionFour: readonly string[]): string {
  return [
    'Hà Tĩnh, ngày 15 tháng 5 năm 2026',
    'Ngày 12/5/2026, Ban Thường vụ Tỉnh ủy họp. Ban Thường vụ Tỉnh ủy kết luận:',
    'I. ĐÁNH GIÁ CHUNG',
    'Tình hình kinh tế xã hội ổn định.',
    'II. NHIỆM VỤ TRỌNG TÂM',
    '1. Tập trung hoàn thành các chỉ tiêu năm 2026.',
    '2. Đẩy mạnh cải cách hành chính.',
    'III. PHÂN CÔNG THỰC HIỆN',
    '1. Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo hoàn thiện Đề án phát triển du lịch, hoàn thành trước ngày 30/9/2027.',
    '2. Ban Tuyên giáo Tỉnh ủy tuyên truyền kết luận này.',
    ...sectionFour,
  ].join('\n');
}

const ITEMS = [
  '1. Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo hoàn thiện Đề án phát triển du lịch, hoàn thành trước ngày 30/9/2027.',
  '2. Ban Tuyên giáo Tỉnh ủy tuyên truyền kết luận này.',
];

describe('parseNotice: the monitor paragraph in the section after section 3 ("IV. Tổ chức thực hiện")', () => {
  it('reads "Ban Tổ chức Tỉnh ủy theo dõi, …" under "IV. TỔ CHỨC THỰC HIỆN" as the monitor, the assignments unchanged', () => {
    const { notice, warnings } = expectOk(parseNotice(romanNotice(['IV. TỔ CHỨC THỰC HIỆN', BTC_MONITOR])));
    expect(notice.assignments.map((a) => a.paragraph)).toEqual(ITEMS);
    expect(notice.monitor).toEqual({ agencyCode: 'BTCTU', coordinators: [], reportsTo: 'BTVTU', paragraph: BTC_MONITOR });
    expect(warnings).toEqual([]);
    // The monitor paragraph is not part of the directive id.
    const withoutIt = expectOk(parseNotice(romanNotice(['IV. TỔ CHỨC THỰC HIỆN']))).notice;
    expect(noticeFingerprint(notice)).toBe(noticeFingerprint(withoutIt));
  });

  it.each([
    ['IV. TỔ CHỨC THỰC HIỆN: ', 'on one line', [BTC_MONITOR]],
    ['IV. Tổ chức thực hiện: ', 'on one line', [BTC_MONITOR]],
    ['IV: Tổ chức thực hiện: ', 'on one line', [BTC_MONITOR]],
    ['IV. TỔ CHỨC THỰC HIỆN: ', 'wrapped', ['Ban Tổ chức Tỉnh ủy theo dõi, đôn đốc, tổng hợp kết quả', 'thực hiện, báo cáo Ban Thường vụ Tỉnh ủy.']],
  ])('reads the monitor on the heading\'s own line after "%s", %s', (heading, _, monitor) => {
    const [first, ...wrapped] = monitor;
    const { notice, warnings } = expectOk(parseNotice(romanNotice([`${heading}${first}`, ...wrapped])));
    expect(notice.assignments.map((a) => a.paragraph)).toEqual(ITEMS);
    expect(notice.monitor.agencyCode).toBe('BTCTU');
    expect(notice.monitor.paragraph).toBe(monitor.join('\n'));
    expect(warnings).toEqual([]);
  });

  it('does not import the items of section IV, and reads its monitor paragraph without its marker', () => {
    const text = romanNotice([
      'IV. TỔ CHỨC THỰC HIỆN',
      '1. Các cấp ủy, tổ chức đảng quán triệt kết luận này.',
      '2. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp Văn phòng Tỉnh ủy theo dõi, đôn đốc, báo cáo Ban Thường vụ Tỉnh ủy.',
      'Nơi nhận:',
      '- Như trên,',
    ]);
    const { notice, warnings } = expectOk(parseNotice(text));
    expect(notice.assignments.map((a) => a.paragraph)).toEqual(ITEMS);
    expect(notice.monitor).toEqual({
      agencyCode: 'BTCTU',
      coordinators: ['VPTU'],
      reportsTo: 'BTVTU',
      paragraph: 'Ban Tổ chức Tỉnh ủy chủ trì, phối hợp Văn phòng Tỉnh ủy theo dõi, đôn đốc, báo cáo Ban Thường vụ Tỉnh ủy.',
    });
    expect(warnings).toEqual([]);
  });

  it.each([
    ['a heading V', ['IV. TỔ CHỨC THỰC HIỆN', 'Các cấp ủy quán triệt kết luận này.', 'V. ĐIỀU KHOẢN KHÁC', BTC_MONITOR]],
    ['"Nơi nhận"', ['IV. TỔ CHỨC THỰC HIỆN', 'Các cấp ủy quán triệt kết luận này.', 'Nơi nhận:', BTC_MONITOR]],
    ['a signature', ['IV. TỔ CHỨC THỰC HIỆN', 'T/M BAN THƯỜNG VỤ', BTC_MONITOR]],
  ])('does not look past the end of section IV (%s): the monitor is assumed', (_, sectionFour) => {
    const { notice, warnings } = expectOk(parseNotice(romanNotice(sectionFour)));
    expect(notice.assignments.map((a) => a.paragraph)).toEqual(ITEMS);
    expect(notice.monitor.agencyCode).toBe('VPTU');
    expect(notice.monitor.paragraph).toBe('');
    expect(warnings.map((w) => w.code)).toEqual(['MONITOR_DEFAULTED']);
  });

  it('keeps the monitor paragraph of section 3 when section 4 names another', () => {
    const text = noticeWith(['- Ban Tổ chức Tỉnh ủy rà soát quy định.', MONITOR_LINE], ['4. Tổ chức thực hiện', BTC_MONITOR]);
    const { notice } = expectOk(parseNotice(text));
    expect(notice.monitor.agencyCode).toBe('VPTU');
    expect(notice.monitor.paragraph).toBe(MONITOR_LINE);
  });

  it('reads the monitor under "4. Tổ chức thực hiện" of a notice numbered "1.", "2.", "3.", its bullets not imported', () => {
    const text = noticeWith(['- Ban Tổ chức Tỉnh ủy rà soát quy định.'], ['4. Tổ chức thực hiện', '- Các cấp ủy quán triệt kết luận này.', BTC_MONITOR]);
    const { notice, warnings } = expectOk(parseNotice(text));
    expect(notice.assignments.map((a) => a.paragraph)).toEqual(['- Ban Tổ chức Tỉnh ủy rà soát quy định.']);
    expect(notice.monitor.agencyCode).toBe('BTCTU');
    expect(warnings).toEqual([]);
  });

  it('takes "4. Tổ chức thực hiện: Văn phòng Tỉnh ủy theo dõi, …" after items "1." … "3." for the next heading, not an item', () => {
    const items = ['1. Ban Tổ chức Tỉnh ủy rà soát quy định.', '2. Ban Tuyên giáo Tỉnh ủy tuyên truyền.', '3. Ban Dân vận Tỉnh ủy nắm tình hình.'];
    const text = noticeWith(items, [`4. Tổ chức thực hiện: ${MONITOR_LINE}`]);
    const { notice, warnings } = expectOk(parseNotice(text));
    expect(notice.assignments.map((a) => a.paragraph)).toEqual(items);
    expect(notice.monitor.paragraph).toBe(MONITOR_LINE);
    expect(notice.monitor.coordinators).toEqual(['BCSDUBND']);
    expect(warnings).toEqual([]);
  });

  it('reads "4. Ban Tổ chức Tỉnh ủy theo dõi, …" after "-" items as the monitor, on its heading\'s own line without a ":"', () => {
    const items = ['- Ban Tổ chức Tỉnh ủy rà soát quy định.', '- Ban Tuyên giáo Tỉnh ủy tuyên truyền.'];
    const { notice, warnings } = expectOk(parseNotice(noticeWith(items, [`4. ${BTC_MONITOR}`])));
    expect(notice.assignments.map((a) => a.paragraph)).toEqual(items);
    expect([notice.monitor.agencyCode, notice.monitor.paragraph]).toEqual(['BTCTU', BTC_MONITOR]);
    expect(warnings).toEqual([]);
  });

  it('reads the monitor of "4. Giao Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy theo dõi, …"', () => {
    const monitor = 'Giao Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Thông báo này, báo cáo Ban Thường vụ Tỉnh ủy.';
    const { notice, warnings } = expectOk(parseNotice(noticeWith(['- Ban Tổ chức Tỉnh ủy rà soát quy định.'], [`4. ${monitor}`])));
    expect(notice.monitor).toMatchObject({ agencyCode: 'BTGDVTU', coordinators: ['VPTU'], reportsTo: 'BTVTU', paragraph: monitor });
    expect(warnings).toEqual([]);
  });

  it('gives the seed, its monitor paragraph moved under a heading "4. Tổ chức thực hiện", the same monitor and directive id', () => {
    const seed = readSeed();
    const plain = expectOk(parseNotice(seed)).notice;
    const moved = seed.replace(/^Văn phòng Tỉnh ủy phối hợp/mu, '4. Tổ chức thực hiện\nVăn phòng Tỉnh ủy phối hợp');
    expect(moved).not.toBe(seed);
    const { notice } = expectOk(parseNotice(moved));
    expect(notice.assignments.map((a) => a.paragraph)).toEqual(plain.assignments.map((a) => a.paragraph));
    expect(notice.monitor).toEqual(plain.monitor);
    expect(noticeFingerprint(notice)).toBe('BTVTU-2023-03-22-bc663451c198e6d3');
    expect(noticeFingerprint(plain)).toBe('BTVTU-2023-03-22-bc663451c198e6d3');
  });
});
