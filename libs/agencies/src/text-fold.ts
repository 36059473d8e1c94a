// Comparison forms for Vietnamese text. Output text is never built from these: they only decide what matches.

/** The five tone marks (huyền, sắc, ngã, hỏi, nặng) as NFD combining characters; not the vowel marks (â, ă, ơ). */
export const TONE_MARKS: ReadonlySet<string> = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const ZERO_WIDTH = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']);
const WHITESPACE = /\s/u;

/** Letters that look like đ/Đ but are another code point (Icelandic eth), seen in copy-pasted documents. */
const LOOKALIKES: Readonly<Record<string, string>> = { '\u00d0': 'đ', '\u00f0': 'đ' };

function lowerChar(ch: string): string {
  const mapped = LOOKALIKES[ch];
  if (mapped !== undefined) return mapped;
  const lower = ch.toLowerCase();
  return lower.length === ch.length ? lower : ch;
}

/**
 * "Tỉnh uỷ" and "Tỉnh ủy", "hoà" and "hòa" are the same word written with the old and the new tone placement.
 * For the vowel pairs oa, oe, uy the comparison form carries the tone on the first vowel. Both forms are two
 * code units in NFC, so the folding keeps indices.
 */
function canonicalTonePair(first: string, second: string): string | undefined {
  if (first !== 'o' && first !== 'u') return undefined;
  const parts = second.normalize('NFD');
  if (parts.length !== 2 || !'aey'.includes(parts[0]) || !TONE_MARKS.has(parts[1])) return undefined;
  const moved = (first + parts[1]).normalize('NFC');
  return moved.length === 1 ? moved + parts[0] : undefined;
}

/**
 * The comparison form of an NFC text: lower case, old/new tone placement unified, đ look-alikes mapped.
 * Same length as the input, so an index in the folded text is an index in the input. Diacritics are kept.
 */
export function foldForMatch(nfcText: string): string {
  const chars = Array.from(nfcText, lowerChar);
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const pair = canonicalTonePair(chars[i], chars[i + 1]);
    if (pair !== undefined) {
      chars[i] = pair[0];
      chars[i + 1] = pair[1];
    }
  }
  return chars.join('');
}

/** A folded text without whitespace, and for each of its code units the index in the original text. */
export interface MatchKey {
  readonly key: string;
  readonly origin: readonly number[];
}

/** Builds the key used for matching: folded, with whitespace and zero-width characters removed. */
export function buildMatchKey(nfcText: string): MatchKey {
  const folded = foldForMatch(nfcText);
  let key = '';
  const origin: number[] = [];
  for (let i = 0; i < folded.length; i += 1) {
    const ch = folded[i];
    if (WHITESPACE.test(ch) || ZERO_WIDTH.has(ch)) continue;
    key += ch;
    origin.push(i);
  }
  return { key, origin };
}

/** The key of a name: NFC, folded, without whitespace. */
export function nameKey(name: string): string {
  return buildMatchKey(name.normalize('NFC')).key;
}
