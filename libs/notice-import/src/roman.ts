import { fold } from './text-utils';

const NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
/** "III.", "III -", "III/", "III:" at the start of a line, with the blanks after it. */
const ROMAN_MARKER = /^([IVX]{1,4})\s*[./:\-–—]\s*/u;
/** What follows the marker of a heading: nothing, or a capital ("III. NHIỆM VỤ", "III - Về …", "“…"). */
const HEADING_TEXT = /^(?:$|[\p{Lu}“"«(])/u;
/** Another numeral after the marker: a quarter ("II - IV/2023") or initials ("V. I. Lênin"), not a heading. */
const NUMERAL_AFTER = /^[IVX]+(?![\p{L}\p{N}\p{M}])/u;
/** A line that ends in "quý": the next line's "III." is that quarter, wrapped (text copied from a PDF). */
const ENDS_WITH_QUARTER = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${fold('quý')}|${fold('quí')})$`, 'u');

/**
 * The number of a top-level heading numbered in Roman numerals ("III. NHIỆM VỤ" → 3, "IV - Tổ chức thực hiện" → 4),
 * given the line before it. A quarter ("III/2023", "II-2024", "quý" then "III." on the next line), "V/v" or
 * initials are not headings.
 */
export function romanHeadingNumber(content: string, previousContent = ''): number | undefined {
  const m = ROMAN_MARKER.exec(content);
  if (m === null) return undefined;
  const index = NUMERALS.indexOf(m[1]);
  const rest = content.slice(m[0].length);
  if (index === -1 || !HEADING_TEXT.test(rest) || NUMERAL_AFTER.test(rest)) return undefined;
  if (ENDS_WITH_QUARTER.test(fold(previousContent))) return undefined;
  return index + 1;
}
