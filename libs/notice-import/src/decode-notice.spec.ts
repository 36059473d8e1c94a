import { decodeNotice } from './decode-notice';

const TEXT = 'Ban cán sự đảng UBND tỉnh chỉ đạo rà soát';
const utf16 = (text: string, bigEndian = false): Uint8Array => {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  if (!bigEndian) return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
  return be;
};

describe('decodeNotice', () => {
  it('reads UTF-8 with or without a BOM, and UTF-16 with its BOM (Word\'s "Unicode Text") whatever the charset says', () => {
    expect(decodeNotice(Buffer.from(TEXT, 'utf8'))).toEqual({ ok: true, text: TEXT });
    expect(decodeNotice(Buffer.from(`\ufeff${TEXT}`, 'utf8'))).toEqual({ ok: true, text: TEXT });
    expect(decodeNotice(utf16(TEXT))).toEqual({ ok: true, text: TEXT });
    expect(decodeNotice(utf16(TEXT, true))).toEqual({ ok: true, text: TEXT });
    expect(decodeNotice(utf16(TEXT), 'utf-8')).toEqual({ ok: true, text: TEXT });
    expect(decodeNotice(Buffer.from(TEXT, 'utf16le'), 'UTF-16LE')).toEqual({ ok: true, text: TEXT });
  });

  it('refuses a legacy code page, saying how to save the notice, and a charset it does not read', () => {
    const windows1258 = Uint8Array.from([0x42, 0x61, 0x6e, 0x20, 0x63, 0xe1, 0x6e]); // "Ban cán": á is 0xE1 there
    expect(decodeNotice(windows1258)).toEqual({ ok: false, message: expect.stringContaining('Save As → Plain Text → Unicode (UTF-8)') });
    expect(decodeNotice(Buffer.from(TEXT, 'utf8'), 'windows-1258')).toEqual({ ok: false, message: expect.stringContaining('charset windows-1258 is not read') });
  });
});
