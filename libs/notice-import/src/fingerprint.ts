import type { ParsedNotice } from './notice-types';
import { collapseWhitespace } from './text-utils';
import { itemMarkerLength } from './section-three';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/** The UTF-8 bytes of a string, without TextEncoder or Buffer. */
function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return bytes;
}

/** FNV-1a, 64 bits, over the UTF-8 bytes; 16 hex digits. */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of utf8Bytes(text)) hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  return hash.toString(16).padStart(16, '0');
}

/** A paragraph without its item marker, NFC, whitespace collapsed: the same for "- …", "3.1. …", CRLF or wrapped. */
function canonicalParagraph(paragraph: string): string {
  const text = collapseWhitespace(paragraph.normalize('NFC'));
  return text.slice(itemMarkerLength(text) ?? 0).trim();
}

/**
 * A stable id for a notice: `<issuer>-<issuedOn>-<FNV-1a 64 of section 3>`, e.g. `BTVTU-2023-03-22-…`. Section 3
 * is its items and monitor paragraph, NFC, whitespace collapsed and without item markers, so importing the same
 * notice again (re-typed line breaks, CRLF, NFD, bullets turned into "3.1.") gives the same id.
 */
export function noticeFingerprint(notice: ParsedNotice): string {
  const section = [...notice.assignments.map((a) => a.paragraph), notice.monitor.paragraph].map(canonicalParagraph);
  const canonical = [notice.issuer.code, notice.issuedOn, ...section].join('\n');
  return `${notice.issuer.code}-${notice.issuedOn}-${fnv1a64(canonical)}`;
}
