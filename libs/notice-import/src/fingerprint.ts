import { TONE_MARKS } from '@app/agencies';
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

const LETTER = /[\p{L}\p{M}]/u;

/**
 * "Tỉnh uỷ" and "Tỉnh ủy", "hoá" and "hóa", "khoẻ" and "khỏe": the same word in the two tone placements. Where a
 * syllable ends in oa, oe or uy (not after q, as in "quý"), the tone goes on the first vowel (`onFirst`, as the seed
 * notice writes it) or on the second; elsewhere both placements agree ("hoàng", "quyết"). Only fingerprints read it.
 */
function placeOpenTones(nfcText: string, onFirst: boolean): string {
  const chars = Array.from(nfcText);
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const [next, before] = [chars[i + 2], chars[i - 1]];
    if (next !== undefined && LETTER.test(next)) continue;
    const first = Array.from(chars[i].normalize('NFD'));
    const second = Array.from(chars[i + 1].normalize('NFD'));
    // Two plain letters and one mark between them, which must be a tone ("oặ", with a breve too, is not such a pair).
    if (first.length + second.length !== 3) continue;
    const [vowel, glide, tone] = [first[0], second[0], first[1] ?? second[1]];
    if (!'oOuU'.includes(vowel) || !('oO'.includes(vowel) ? 'aAeE' : 'yY').includes(glide) || !TONE_MARKS.has(tone)) continue;
    if ('uU'.includes(vowel) && before !== undefined && 'qQ'.includes(before)) continue;
    chars[i] = (onFirst ? vowel + tone : vowel).normalize('NFC');
    chars[i + 1] = (onFirst ? glide : glide + tone).normalize('NFC');
  }
  return chars.join('');
}

/** The tone of an open oa, oe, uy on its first vowel: "hoá" → "hóa", "Tỉnh uỷ" → "Tỉnh ủy". */
export function foldOpenTonePlacement(nfcText: string): string {
  return placeOpenTones(nfcText, true);
}

function fingerprintOf(notice: ParsedNotice, paragraphForm: (paragraph: string) => string): string {
  const section = [...notice.assignments.map((a) => a.paragraph), notice.monitor.paragraph].map(paragraphForm);
  const canonical = [notice.issuer.code, notice.issuedOn, ...section].join('\n');
  return `${notice.issuer.code}-${notice.issuedOn}-${fnv1a64(canonical)}`;
}

/**
 * A stable id for a notice: `<issuer>-<issuedOn>-<FNV-1a 64 of section 3>`, e.g. `BTVTU-2023-03-22-…`. Section 3
 * is its items and monitor paragraph, NFC, whitespace collapsed, without item markers and with one tone placement,
 * so importing the same notice again (re-typed line breaks, CRLF, NFD, bullets turned into "3.1.", "uỷ" for "ủy")
 * gives the same id.
 */
export function noticeFingerprint(notice: ParsedNotice): string {
  return fingerprintOf(notice, (paragraph) => foldOpenTonePlacement(canonicalParagraph(paragraph)));
}

/**
 * The ids releases before tone placement was folded may have given the notice: as written, and with every open
 * syllable's tone on its second vowel ("uỷ", "hoá"), the other placement a notice imported then may have used. A
 * notice imported then keeps its id (the import looks for these); none that equals the folded id.
 */
export function formerNoticeFingerprints(notice: ParsedNotice): string[] {
  const folded = noticeFingerprint(notice);
  const candidates = [fingerprintOf(notice, canonicalParagraph), fingerprintOf(notice, (paragraph) => placeOpenTones(canonicalParagraph(paragraph), false))];
  return [...new Set(candidates)].filter((id) => id !== folded);
}
