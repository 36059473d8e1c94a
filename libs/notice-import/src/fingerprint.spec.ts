import { formerNoticeFingerprints, noticeFingerprint, parseNotice } from '@app/notice-import';
import { expectOk, noticeWith, readSeed } from '../../../test/fixtures/notices/notice-fixtures';
import { paragraphForm } from './fingerprint';

const SEED = readSeed();
const SEED_ID = 'BTVTU-2023-03-22-bc663451c198e6d3';
/** The id releases before this one gave the seed (the monitor paragraph, case and its stray " |" counted). */
const SEED_ID_BEFORE = 'BTVTU-2023-03-22-79ec56f2e1ce17be';
const ITEM_B = '- Ban Tổ chức Tỉnh ủy nghiên cứu và đề xuất các chính sách thu hút cán bộ trẻ, cán bộ giỏi tham gia hệ thống chính trị cấp cơ sở; nghiên cứu cơ chế hỗ trợ đối với những người hoạt động không chuyên trách cấp xã, bí thư, phó bí thư chi bộ, cấp ủy viên, trưởng các chi đoàn, chi hội.';

const parsed = (text: string) => expectOk(parseNotice(text)).notice;
const idOf = (text: string): string => noticeFingerprint(parsed(text));

describe('paragraphForm', () => {
  it('is lower case, one tone placement, no marker, no space next to punctuation, nothing stray at the end; diacritics kept', () => {
    expect(paragraphForm('- BAN TỔ CHỨC TỈNH UỶ rà soát , báo cáo  “kết quả” – trước ngày 30/9 .  |')).toBe('ban tổ chức tỉnh ủy rà soát,báo cáo"kết quả"-trước ngày 30/9');
    expect(paragraphForm('3.1. Đảng đoàn HĐND tỉnh…')).toBe('đảng đoàn hđnd tỉnh');
  });

  it('keeps what tells words apart: diacritics, letters, punctuation inside the paragraph', () => {
    expect(paragraphForm('rà soát')).not.toBe(paragraphForm('ra soat'));
    expect(paragraphForm('rà soát, tổng hợp')).not.toBe(paragraphForm('rà soát tổng hợp'));
    expect(paragraphForm('Đảng')).toBe('đảng');
  });

  it('keeps what ends an item but is not punctuation, and a decimal comma apart from a list', () => {
    expect(paragraphForm('nâng tỷ lệ lên 50%')).not.toBe(paragraphForm('nâng tỷ lệ lên 50'));
    expect(paragraphForm('tăng 1,5 lần')).not.toBe(paragraphForm('tăng 1, 5 lần'));
    expect(paragraphForm('các năm 2021 , 2022')).toBe(paragraphForm('các năm 2021, 2022'));
    expect(paragraphForm('Đề án “Chuyển đổi số”.')).toBe('đề án"chuyển đổi số"');
  });
});

describe('noticeFingerprint', () => {
  it('gives the seed its id', () => {
    expect(idOf(SEED)).toBe(SEED_ID);
  });

  it('folds letter case: "Tỉnh Ủy" for "Tỉnh ủy", "BAN THƯỜNG VỤ" for "Ban Thường vụ", an item in capitals', () => {
    expect(idOf(SEED.replace(/Tỉnh ủy/gu, 'Tỉnh Ủy'))).toBe(SEED_ID);
    expect(idOf(SEED.replace(/Ban Thường vụ/gu, 'BAN THƯỜNG VỤ'))).toBe(SEED_ID);
    expect(idOf(SEED.replace(ITEM_B, ITEM_B.toUpperCase()))).toBe(SEED_ID);
  });

  it('ignores the end of the text and of each item: the seed\'s stray " |", a dropped or added full stop, a trailing ";"', () => {
    expect(SEED.trimEnd().endsWith(' |')).toBe(true);
    expect(idOf(SEED.trimEnd().replace(/ \|$/u, ''))).toBe(SEED_ID);
    expect(idOf(SEED.replace(ITEM_B, ITEM_B.replace(/\.$/u, '')))).toBe(SEED_ID);
    expect(idOf(SEED.replace(ITEM_B, `${ITEM_B.replace(/\.$/u, '')};`))).toBe(SEED_ID);
    const small = noticeWith(['- Ban Tổ chức Tỉnh ủy rà soát quy định.', '- Ban Dân vận Tỉnh ủy nắm tình hình.'], []);
    expect(idOf(`${small} |`)).toBe(idOf(small));
    expect(idOf(`${small.replace(/\.$/u, '')}\n |\n`)).toBe(idOf(small));
  });

  it('ignores spacing next to punctuation and the form of quotes and dashes', () => {
    const plain = noticeWith(['- Ban Tổ chức Tỉnh ủy rà soát "quy định" về giáo dục - đào tạo, báo cáo kết quả.']);
    expect(idOf(noticeWith(['- Ban Tổ chức Tỉnh ủy rà soát “quy định” về giáo dục – đào tạo , báo cáo kết quả .']))).toBe(idOf(plain));
    expect(idOf(noticeWith(['- Ban Tổ chức Tỉnh ủy rà soát "quy định" về giáo dục-đào tạo,báo cáo kết quả']))).toBe(idOf(plain));
  });

  it('leaves out the closing paragraph, which assigns nothing: reworded or gone, the same directive', () => {
    expect(idOf(SEED.replace('theo dõi, tổng hợp kết quả', 'theo dõi, đôn đốc, tổng hợp kết quả'))).toBe(SEED_ID);
    const items = ['- Ban Tổ chức Tỉnh ủy rà soát quy định.'];
    expect(idOf(noticeWith(items, []))).toBe(idOf(noticeWith(items)));
  });

  it('still tells apart other items, another issuer and another date', () => {
    expect(idOf(SEED.replace('cán bộ trẻ, cán bộ giỏi', 'cán bộ trẻ'))).not.toBe(SEED_ID);
    expect(idOf(SEED.replace('Ngày 22/3/2023', 'Ngày 23/3/2023'))).not.toMatch(/^BTVTU-2023-03-22-/u);
    const items = ['- Ban Tổ chức Tỉnh ủy rà soát quy định.'];
    const byStanding = noticeWith(items).replace(/Ban Thường vụ Tỉnh ủy/gu, 'Thường trực Tỉnh ủy');
    expect(idOf(byStanding)).not.toBe(idOf(noticeWith(items)));
  });
});

describe('formerNoticeFingerprints', () => {
  it('knows the id the seed was given before this release, first', () => {
    expect(formerNoticeFingerprints(parsed(SEED))[0]).toBe(SEED_ID_BEFORE);
    expect(formerNoticeFingerprints(parsed(SEED))).not.toContain(SEED_ID);
  });

  it('gives an edited copy the id it had itself before, as computed then: found if it was imported as such', () => {
    const edited = parsed(SEED.replace(/Tỉnh ủy/gu, 'Tỉnh Ủy'));
    expect(noticeFingerprint(edited)).toBe(SEED_ID);
    const [before] = formerNoticeFingerprints(edited);
    expect(before).toMatch(/^BTVTU-2023-03-22-[0-9a-f]{16}$/u);
    expect(before).not.toBe(SEED_ID_BEFORE);
    // Retyped in the other tone placement too: the last release folded it; the releases before gave it as written.
    const retyped = parsed(SEED.replace(/ủy/gu, 'uỷ').replace(/Ủy/gu, 'Uỷ'));
    expect(formerNoticeFingerprints(retyped)[0]).toBe(SEED_ID_BEFORE);
    expect(formerNoticeFingerprints(retyped)).toHaveLength(2);
  });
});
