import { MAX_INPUT_BYTES, parseNotice } from '@app/notice-import';
import { noticeWith } from '../../../test/fixtures/notices/notice-fixtures';

const errorOf = (input: string) => {
  const result = parseNotice(input);
  if (result.ok) throw new Error('expected an error');
  return result.error;
};

describe('parseNotice: malformed input', () => {
  it('EMPTY_INPUT for an empty or blank text', () => {
    expect(errorOf('')).toEqual({ code: 'EMPTY_INPUT', message: 'The input is empty: paste the text of the conclusion notice.' });
    expect(errorOf(' \n\t\r\n\ufeff').code).toBe('EMPTY_INPUT');
  });

  it('NOT_TEXT for a NUL, other control characters, U+FFFD, lone surrogates or a non-string', () => {
    expect(errorOf('3. Giao:\n- A\u0000B')).toEqual({
      code: 'NOT_TEXT',
      message: 'The input is not text: it contains a NUL character (U+0000): this looks like a binary file at offset 12.',
    });
    expect(errorOf('PK\u0003\u0004 zip').message).toBe('The input is not text: it contains the control character U+0003 at offset 2.');
    expect(errorOf('Ngày 22/3/2023 \ufffd').code).toBe('NOT_TEXT');
    expect(errorOf('abc \ud800 def').code).toBe('NOT_TEXT');
    expect(errorOf('abc \u0085 def').code).toBe('NOT_TEXT');
    expect(parseNotice(42 as unknown as string)).toEqual({ ok: false, error: { code: 'NOT_TEXT', message: 'The input is a number, not text.' } });
    expect(parseNotice(noticeWith(['- Ban Tổ chức Tỉnh ủy rà soát 😀.'])).ok).toBe(true);
  });

  it('TOO_LARGE over 1 MiB of UTF-8 (counting bytes, not characters)', () => {
    expect(MAX_INPUT_BYTES).toBe(1048576);
    const padding = (n: number) => 'ả'.repeat(n); // 3 bytes each in UTF-8
    const base = noticeWith(['- Ban Tổ chức Tỉnh ủy rà soát.']);
    const baseBytes = new TextEncoder().encode(base).length;
    const fits = base + '\n' + padding(Math.floor((MAX_INPUT_BYTES - baseBytes - 1) / 3));
    expect(new TextEncoder().encode(fits).length).toBeLessThanOrEqual(MAX_INPUT_BYTES);
    expect(parseNotice(fits).ok).toBe(true);
    expect(errorOf(fits + 'ả')).toEqual({
      code: 'TOO_LARGE',
      message: 'The input is over 1048576 bytes (1 MiB) of UTF-8; a notice is far smaller.',
    });
  });

  it('NO_SECTION_3 when no line starts with "3." or "III."', () => {
    expect(errorOf('Ngày 22/3/2023, hội nghị.\n1. Tình hình.\n2. Nhiệm vụ.')).toEqual({
      code: 'NO_SECTION_3',
      message: 'No section 3 found: the assignments are expected under a line starting with "3." or "III." (e.g. "3. … Ban Thường vụ Tỉnh ủy giao:" or "III. NHIỆM VỤ …").',
    });
    expect(errorOf('Ngày 22/3/2023.\n2. Nhiệm vụ.\n2.3. Về công tác xây dựng Đảng').code).toBe('NO_SECTION_3');
    expect(errorOf('Ngày 22/3/2023.\nI. TÌNH HÌNH\nII. NHIỆM VỤ\n- Ban Tổ chức Tỉnh ủy hoàn thành trong quý\nIII/2023.').code).toBe('NO_SECTION_3');
  });

  it('NO_ASSIGNMENTS when section 3 holds only the monitor paragraph', () => {
    expect(errorOf(noticeWith([])).code).toBe('NO_ASSIGNMENTS');
    expect(errorOf('Ngày 22/3/2023.\n3. Ban Thường vụ Tỉnh ủy giao:\n4. Tổ chức thực hiện.').code).toBe('NO_ASSIGNMENTS');
  });

  it('NO_ISSUE_DATE when the text has no date, unless options.issuedOn gives one', () => {
    const undated = '3. Ban Thường vụ Tỉnh ủy giao:\n- Ban Tổ chức Tỉnh ủy rà soát.';
    expect(errorOf(undated).code).toBe('NO_ISSUE_DATE');
    const result = parseNotice(undated, { issuedOn: '2023-04-01' });
    expect(result.ok && result.notice.issuedOn).toBe('2023-04-01');
  });
});
