import type { ParseError } from './notice-types';

/** 1 MiB of UTF-8. */
export const MAX_INPUT_BYTES = 1024 * 1024;

const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);

/** The UTF-8 size of a string, stopping early once it passes `limit`. */
export function utf8ByteLength(text: string, limit = Number.POSITIVE_INFINITY): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function hex(unit: number): string {
  return `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why the code unit at `i` cannot be in a text document, or `undefined`. */
function notTextReason(text: string, i: number): string | undefined {
  const unit = text.charCodeAt(i);
  if (unit === 0) return 'a NUL character (U+0000): this looks like a binary file';
  if ((unit < 0x20 && !ALLOWED_CONTROLS.has(unit)) || (unit >= 0x7f && unit <= 0x9f)) {
    return `the control character ${hex(unit)}`;
  }
  if (unit === 0xfffd) return 'U+FFFD (replacement character): the file was not valid UTF-8';
  if (unit === 0xfffe || unit === 0xffff) return `the non-character ${hex(unit)}`;
  if (unit >= 0xdc00 && unit <= 0xdfff) return `a lone surrogate ${hex(unit)}`;
  if (unit >= 0xd800 && unit <= 0xdbff && !isLowSurrogate(text.charCodeAt(i + 1))) return `a lone surrogate ${hex(unit)}`;
  return undefined;
}

function skipLowSurrogate(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  return unit >= 0xd800 && unit <= 0xdbff ? i + 1 : i;
}

/** Rejects what is not a notice's text: nothing, too much, or binary. */
export function checkInput(input: unknown): ParseError | undefined {
  if (typeof input !== 'string') return { code: 'NOT_TEXT', message: `The input is a ${typeof input}, not text.` };
  if (input.replace(/^\ufeff/u, '').trim() === '') {
    return { code: 'EMPTY_INPUT', message: 'The input is empty: paste the text of the conclusion notice.' };
  }
  const bytes = utf8ByteLength(input, MAX_INPUT_BYTES);
  if (bytes > MAX_INPUT_BYTES) {
    return { code: 'TOO_LARGE', message: `The input is over ${MAX_INPUT_BYTES} bytes (1 MiB) of UTF-8; a notice is far smaller.` };
  }
  for (let i = 0; i < input.length; i = skipLowSurrogate(input, i) + 1) {
    const reason = notTextReason(input, i);
    if (reason !== undefined) return { code: 'NOT_TEXT', message: `The input is not text: it contains ${reason} at offset ${i}.` };
  }
  return undefined;
}
