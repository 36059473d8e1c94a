/** The notice's text, or why its bytes are not text dondoc can read. */
export type DecodedNotice = { ok: true; text: string } | { ok: false; message: string };

const NOT_UTF8 =
  'The notice is not UTF-8 text (a legacy code page such as Windows-1258 or TCVN3?); save it as UTF-8 (in Word: Save As → Plain Text → Unicode (UTF-8)) and send it again.';

/**
 * A notice file's bytes as text: UTF-8 (with or without a BOM), or UTF-16 with its BOM (Word's "Unicode Text"), or
 * as `charset` says (utf-8, utf-16, utf-16le, utf-16be). Anything else (a legacy Vietnamese code page, say) is
 * refused with what to do, not misread.
 */
export function decodeNotice(bytes: Uint8Array, charset?: string): DecodedNotice {
  const declared = charset?.trim().toLowerCase().replace(/^"|"$/g, '');
  if (declared !== undefined && declared !== '' && !['utf-8', 'utf8', 'utf-16', 'utf-16le', 'utf-16be'].includes(declared)) {
    return { ok: false, message: `charset ${charset} is not read; send the notice as UTF-8 (or UTF-16 with its byte-order mark).` };
  }
  const encoding = utf16Of(bytes, declared) ?? 'utf-8';
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: encoding === 'utf-8' ? NOT_UTF8 : `The notice is not valid ${encoding.toUpperCase()} text.` };
  }
}

function utf16Of(bytes: Uint8Array, declared: string | undefined): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (declared === 'utf-16le' || declared === 'utf-16') return 'utf-16le';
  if (declared === 'utf-16be') return 'utf-16be';
  return undefined;
}
