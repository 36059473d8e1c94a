import { fold } from './text-utils';

const CENTRE = String.raw`(?:trung\s+ương|bộ\s+chính\s+trị|ban\s+bí\s+thư|chính\s+phủ|thủ\s+tướng(?:\s+chính\s+phủ)?|quốc\s+hội|các\s+bộ\s*,?\s*ngành\s+trung\s+ương)`;
// Matched against folded text, so the patterns are folded too (they use no upper-case escapes).
const PATTERNS: readonly RegExp[] = [
  String.raw`thẩm\s+quyền\s+(?:giải\s+quyết\s+|quyết\s+định\s+)?(?:của\s+)?${CENTRE}`,
  String.raw`(?:kiến\s+nghị|đề\s+xuất|đề\s+nghị)\s+(?:với\s+|lên\s+)?${CENTRE}`,
].map((source) => new RegExp(fold(source), 'u'));

/** "thuộc thẩm quyền (giải quyết) (của) Trung ương", "kiến nghị (với) Trung ương / Bộ Chính trị / Chính phủ". */
export function isCentralCompetence(text: string): boolean {
  const folded = fold(text);
  return PATTERNS.some((p) => p.test(folded));
}
