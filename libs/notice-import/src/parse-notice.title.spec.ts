import { noticeFingerprint, parseNotice } from '@app/notice-import';
import { expectOk, noticeWith, readSeed } from '../../../test/fixtures/notices/notice-fixtures';

const BODY = noticeWith(['- Ban Tổ chức Tỉnh ủy rà soát quy định.']);
/** A notice with this header above the body of `noticeWith`. */
const withHeader = (...header: string[]): string => [...header, BODY].join('\n');
const titleOf = (text: string): string => expectOk(parseNotice(text)).notice.title;
const DERIVED = 'Thông báo kết luận của Ban Thường vụ Tỉnh ủy sau Hội nghị ngày 22/3/2023';

describe('parseNotice: the title from the subject line', () => {
  it('takes the subject under "THÔNG BÁO" as written', () => {
    const text = withHeader(
      'TỈNH ỦY HÀ TĨNH',
      'Số 123-TB/TU',
      'Hà Tĩnh, ngày 28 tháng 3 năm 2023',
      'THÔNG BÁO',
      'Kết luận của Ban Thường vụ Tỉnh ủy tại Hội nghị cán bộ chủ chốt các xã, phường, thị trấn',
      '-----',
    );
    expect(titleOf(text)).toBe('Kết luận của Ban Thường vụ Tỉnh ủy tại Hội nghị cán bộ chủ chốt các xã, phường, thị trấn');
  });

  it('reads a subject wrapped over lines (copied from a PDF) up to the body, even with no rule or blank line before it', () => {
    const text = withHeader('THÔNG BÁO', 'Kết luận của Ban Thường vụ Tỉnh ủy tại', 'Hội nghị cán bộ chủ chốt các xã,', 'phường, thị trấn');
    expect(titleOf(text)).toBe('Kết luận của Ban Thường vụ Tỉnh ủy tại Hội nghị cán bộ chủ chốt các xã, phường, thị trấn');
    const bodyRightAfter = ['THÔNG BÁO', 'Kết luận của Ban Thường vụ Tỉnh ủy về công tác cán bộ', 'Tại Hội nghị, các đại biểu thảo luận.', BODY].join('\n');
    expect(titleOf(bodyRightAfter)).toBe('Kết luận của Ban Thường vụ Tỉnh ủy về công tác cán bộ');
  });

  it.each([
    ['Ban Thường vụ Tỉnh ủy kết luận:'],
    ['Ban Thường vụ Tỉnh ủy kết luận như sau'],
    ['Ban Thường vụ Tỉnh ủy giao các cơ quan thực hiện một số nội dung sau'],
    ['Thường trực Tỉnh ủy yêu cầu'],
    ['Nội dung kết luận như sau:'],
  ])('does not read the body\'s first line "%s" into the subject', (opening) => {
    const text = withHeader('TỈNH ỦY HÀ TĨNH', 'THÔNG BÁO', 'Kết luận của Ban Thường vụ Tỉnh ủy về công tác phòng chống thiên tai', opening);
    expect(titleOf(text)).toBe('Kết luận của Ban Thường vụ Tỉnh ủy về công tác phòng chống thiên tai');
  });

  it('reads a subject wrapped before the name of a body that does not open the body ("… của" then "Ban Thường vụ Tỉnh ủy về …")', () => {
    const text = withHeader('THÔNG BÁO', 'Kết luận của', 'Ban Thường vụ Tỉnh ủy về công tác phòng chống thiên tai', 'Ban Thường vụ Tỉnh ủy kết luận:');
    expect(titleOf(text)).toBe('Kết luận của Ban Thường vụ Tỉnh ủy về công tác phòng chống thiên tai');
  });

  it.each([
    [['THÔNG BÁO KẾT LUẬN', 'của Ban Thường vụ Tỉnh ủy về công tác cán bộ'], 'Thông báo kết luận của Ban Thường vụ Tỉnh ủy về công tác cán bộ'],
    [['THÔNG BÁO', 'KẾT LUẬN', '', 'của Thường trực Tỉnh ủy tại buổi làm việc với Huyện ủy Kỳ Anh'], 'Thông báo kết luận của Thường trực Tỉnh ủy tại buổi làm việc với Huyện ủy Kỳ Anh'],
    [['KẾT LUẬN', 'của Ban Thường vụ Tỉnh ủy về chuyển đổi số'], 'Kết luận của Ban Thường vụ Tỉnh ủy về chuyển đổi số'],
    [['THÔNG BÁO', 'về việc sắp xếp đơn vị hành chính cấp xã'], 'Thông báo về việc sắp xếp đơn vị hành chính cấp xã'],
  ])('reads a subject that goes on from the heading in lower case with the heading: %j', (header, title) => {
    expect(titleOf(withHeader(...header))).toBe(title);
  });

  it('keeps a subject in capitals as written, and a heading and subject on one line', () => {
    expect(titleOf(withHeader('THÔNG BÁO', 'KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY', 'tại Hội nghị cán bộ chủ chốt'))).toBe('KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY tại Hội nghị cán bộ chủ chốt');
    expect(titleOf(withHeader('THÔNG BÁO KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY', 'về công tác cán bộ'))).toBe('THÔNG BÁO KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY về công tác cán bộ');
  });

  it('takes "V/v …" under the number, without the header cell beside it (pasted from a Word table)', () => {
    const text = withHeader('Số 45-TB/TU', 'V/v triển khai Kết luận số 48-KL/TW\tHà Tĩnh, ngày 28 tháng 3 năm 2023', 'của Bộ Chính trị');
    const { notice } = expectOk(parseNotice(text));
    expect(notice.title).toBe('V/v triển khai Kết luận số 48-KL/TW của Bộ Chính trị');
    expect(notice.number).toBe('45-TB/TU');
  });

  it('gives a title in NFC with the diacritics kept and the whitespace collapsed, from decomposed input', () => {
    const text = withHeader('THÔNG BÁO', '  Kết  luận của Ban Thường vụ\tTỉnh ủy về   phòng, chống thiên tai.').normalize('NFD');
    const title = titleOf(text);
    expect(title).toBe('Kết luận của Ban Thường vụ Tỉnh ủy về phòng, chống thiên tai');
    expect(title.normalize('NFC')).toBe(title);
  });

  it('cuts a long subject at a word, to 300 characters', () => {
    const long = `Kết luận của Ban Thường vụ Tỉnh ủy về ${'nâng cao chất lượng sinh hoạt chi bộ, '.repeat(10)}giai đoạn 2023 - 2025`;
    const title = titleOf(withHeader('THÔNG BÁO', long));
    expect(title.length).toBeLessThanOrEqual(300);
    expect(title.endsWith('…')).toBe(true);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
    expect(long[title.length - 1]).toBe(' ');
  });

  it('keeps the derived title when the header has no subject line', () => {
    expect(titleOf(withHeader('Số 123-TB/TU', 'THÔNG BÁO'))).toBe(DERIVED);
    expect(titleOf(withHeader('THÔNG BÁO', '-----'))).toBe(DERIVED);
    // "Kết luận …" in the body, or a heading word inside a sentence, is no subject line.
    const inBody = ['Ngày 22/3/2023, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị cán bộ chủ chốt.', 'Kết luận của Ban Thường vụ Tỉnh ủy như sau:'];
    expect(titleOf([...inBody, '3. Ban Thường vụ Tỉnh ủy giao:', '- Ban Tổ chức Tỉnh ủy rà soát.'].join('\n'))).toBe(DERIVED);
    expect(titleOf(withHeader('Thông báo kết luận của Ban Thường vụ Tỉnh ủy về công tác cán bộ như sau.'))).toBe(DERIVED);
  });

  it('keeps the seed\'s title (the seed has no header) and the directive id, which does not depend on the title', () => {
    const seed = readSeed();
    const plain = expectOk(parseNotice(seed)).notice;
    expect(plain.title).toBe(DERIVED);
    const withSubject = expectOk(parseNotice(['THÔNG BÁO', 'Kết luận của Ban Thường vụ Tỉnh ủy tại Hội nghị cán bộ chủ chốt', seed].join('\n'))).notice;
    expect(withSubject.title).toBe('Kết luận của Ban Thường vụ Tỉnh ủy tại Hội nghị cán bộ chủ chốt');
    expect(noticeFingerprint(withSubject)).toBe(noticeFingerprint(plain));
  });
});
