import { fold, keywordPattern } from './text-utils';

const NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
/** "III.", "III -", "III/", "III:", "III)" at the start of a line, with the blanks after it. */
const ROMAN_MARKER = /^([IVX]{1,4})\s*[./:\-–—)]\s*/u;
/** "Phần III." / "PHẦN III -" / "Phần III:" or "PHẦN III" then the title: the numeral, with or without a mark after it. */
const PART_MARKER = /^([IVX]{1,4})(?:\s*[./:\-–—)]\s*|\s+|$)/u;
/** "Phần " / "PHẦN " before the numeral, folded. */
const PART = new RegExp(`^${keywordPattern('phần')}\\s+`, 'u');
/** What follows the marker of a heading: nothing, or a capital ("III. NHIỆM VỤ", "III - Về …", "“…"). */
const HEADING_TEXT = /^(?:$|[\p{Lu}“"«(])/u;
/** Another numeral after the marker: a quarter ("II - IV/2023") or initials ("V. I. Lênin"), not a heading. */
const NUMERAL_AFTER = /^[IVX]+(?![\p{L}\p{N}\p{M}])/u;
/** A line that ends in "quý": the next line's "III." is that quarter, wrapped (text copied from a PDF). */
const ENDS_WITH_QUARTER = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${fold('quý')}|${fold('quí')})$`, 'u');

/** The numeral of a heading and the length of its marker ("Phần " included), or undefined. */
function headingMarker(content: string): { numeral: string; length: number } | undefined {
  const part = PART.exec(fold(content));
  const m = part === null ? ROMAN_MARKER.exec(content) : PART_MARKER.exec(content.slice(part[0].length));
  return m === null ? undefined : { numeral: m[1], length: (part?.[0].length ?? 0) + m[0].length };
}

/**
 * The number of a top-level heading numbered in Roman numerals ("III. NHIỆM VỤ" → 3, "IV - Tổ chức thực hiện" → 4,
 * "III) PHÂN CÔNG" → 3, "Phần III. …" or "PHẦN III NHIỆM VỤ" → 3), given the line before it. A quarter ("III/2023",
 * "II-2024", "quý" then "III." on the next line), "V/v" or initials are not headings.
 */
export function romanHeadingNumber(content: string, previousContent = ''): number | undefined {
  const m = headingMarker(content);
  if (m === undefined) return undefined;
  const index = NUMERALS.indexOf(m.numeral);
  const rest = content.slice(m.length);
  if (index === -1 || !HEADING_TEXT.test(rest) || NUMERAL_AFTER.test(rest)) return undefined;
  if (ENDS_WITH_QUARTER.test(fold(previousContent))) return undefined;
  return index + 1;
}
