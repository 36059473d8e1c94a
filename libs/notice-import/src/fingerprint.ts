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

/**
 * A paragraph as releases before this one compared it: NFC, whitespace collapsed, without its item marker ("- …",
 * "3.1. …", CRLF or wrapped lines are the same). Former ids are computed from it.
 */
function legacyParagraph(paragraph: string): string {
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

/** Typographic forms of the same character, as a retyped copy may have the other: “…” and "…", – and -, … and .... */
const TYPOGRAPHIC: readonly (readonly [RegExp, string])[] = [
  [/[\u00ad\u200b-\u200d\u2060\ufeff]/gu, ''],
  [/[“”„‟«»″]/gu, '"'],
  [/[‘’‚‛′]/gu, "'"],
  [/\p{Pd}/gu, '-'],
  [/…/gu, '...'],
];

const PUNCTUATION_OR_SYMBOL = '[\\p{P}\\p{S}]';
const SPACED_PUNCTUATION = new RegExp(`\\s*(${PUNCTUATION_OR_SYMBOL})\\s*`, 'gu');
/** What may end an item or be left at its end: full stops, commas, a stray table bar. Not "%" nor a closing quote. */
const TRAILING_PUNCTUATION = /(?:[.,;:!?|]|\s)+$/u;

/** "1,5" (a decimal comma) and "1, 5" (a list) differ: a space after a comma or dot between digits stays. */
function unspacedPunctuation(text: string): string {
  return text.replace(SPACED_PUNCTUATION, (match: string, mark: string, at: number) => {
    const between = /\d/u.test(text[at - 1] ?? '') && /\d/u.test(text[at + match.length] ?? '');
    return between && (mark === ',' || mark === '.') && /\s$/u.test(match) ? `${mark} ` : mark;
  });
}

/**
 * A paragraph as the fingerprint compares it: as `legacyParagraph`, then in lower case ("BAN THƯỜNG VỤ", "Tỉnh Ủy"),
 * one tone placement, one form of quotes and dashes, no space next to punctuation ("a , b" and "a, b"; but "1, 5" is
 * not "1,5"), and no full stop, comma, bar or whitespace at its end (a dropped full stop, a stray " |"; "50%" keeps
 * its sign). Letters and their diacritics are all kept.
 */
export function paragraphForm(paragraph: string): string {
  const lower = legacyParagraph(paragraph).toLocaleLowerCase('vi').normalize('NFC');
  const plain = TYPOGRAPHIC.reduce((text, [variant, form]) => text.replace(variant, form), foldOpenTonePlacement(lower));
  return unspacedPunctuation(plain).replace(TRAILING_PUNCTUATION, '');
}

function idOf(notice: ParsedNotice, paragraphs: readonly string[]): string {
  const canonical = [notice.issuer.code, notice.issuedOn, ...paragraphs].join('\n');
  return `${notice.issuer.code}-${notice.issuedOn}-${fnv1a64(canonical)}`;
}

/**
 * A stable id for a notice: `<issuer>-<issuedOn>-<FNV-1a 64>` of the issuer code, the issue date and section 3's
 * items (not its closing "Văn phòng Tỉnh ủy … theo dõi …" paragraph, which assigns nothing), one line each in
 * `paragraphForm`: e.g. `BTVTU-2023-03-22-…`. The same assignments of the same body on the same day are the same
 * directive, however the notice was retyped: line breaks, CRLF, NFD, bullets or "3.1.", "uỷ" or "ủy", letter case,
 * quotes, spacing and end punctuation.
 */
export function noticeFingerprint(notice: ParsedNotice): string {
  return idOf(notice, notice.assignments.map((item) => paragraphForm(item.paragraph)));
}

/** The id as releases before this one computed it: with the monitor paragraph, each paragraph in the given form. */
function legacyId(notice: ParsedNotice, form: (paragraph: string) => string): string {
  return idOf(notice, [...notice.assignments.map((item) => item.paragraph), notice.monitor.paragraph].map(form));
}

/**
 * The ids earlier releases may have given the notice, which one imported then keeps (the import looks for these): the
 * last release's (tone placement folded; case, end punctuation and the monitor paragraph counted), then those of the
 * releases before tone placement was folded, as written and with every open syllable's tone on its second vowel
 * ("uỷ", "hoá"). None that equals the current id.
 */
export function formerNoticeFingerprints(notice: ParsedNotice): string[] {
  const current = noticeFingerprint(notice);
  const candidates = [
    legacyId(notice, (paragraph) => foldOpenTonePlacement(legacyParagraph(paragraph))),
    legacyId(notice, legacyParagraph),
    legacyId(notice, (paragraph) => placeOpenTones(legacyParagraph(paragraph), false)),
  ];
  return [...new Set(candidates)].filter((id) => id !== current);
}
