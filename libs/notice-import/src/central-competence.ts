import { fold } from './text-utils';

const MINISTRY = String.raw`bộ\s+(?:nội\s+vụ|tài\s+chính|kế\s+hoạch\s+và\s+đầu\s+tư|tư\s+pháp|xây\s+dựng|y\s+tế|giáo\s+dục\s+và\s+đào\s+tạo|công\s+an|quốc\s+phòng|tài\s+nguyên\s+và\s+môi\s+trường|nông\s+nghiệp(?:\s+và\s+(?:phát\s+triển\s+nông\s+thôn|môi\s+trường))?|công\s+thương|giao\s+thông\s+vận\s+tải|lao\s+động\s*-?\s*thương\s+binh\s+và\s+xã\s+hội|văn\s+hóa\s*,?\s*thể\s+thao\s+và\s+du\s+lịch|thông\s+tin\s+và\s+truyền\s+thông|khoa\s+học\s+và\s+công\s+nghệ|ngoại\s+giao)`;
const CENTRE = String.raw`(?:trung\s+ương|bộ\s+chính\s+trị|ban\s+bí\s+thư|chính\s+phủ|thủ\s+tướng(?:\s+chính\s+phủ)?|quốc\s+hội|các\s+bộ\s*,?\s*ngành\s+trung\s+ương|${MINISTRY})`;
// Matched against folded text, so the patterns are folded too (they use no upper-case escapes).
const PATTERNS: readonly RegExp[] = [
  String.raw`thẩm\s+quyền\s+(?:(?:xem\s+xét\s*,?\s*)?(?:giải\s+quyết|quyết\s+định)\s+)?(?:của\s+)?(?:các\s+cơ\s+quan\s+)?${CENTRE}`,
  String.raw`(?:kiến\s+nghị|đề\s+xuất|đề\s+nghị|báo\s+cáo|xin\s+ý\s+kiến|trình)\s+(?:với\s+|lên\s+|của\s+)?${CENTRE}`,
].map((source) => new RegExp(fold(source), 'u'));

/**
 * "thuộc thẩm quyền (xem xét, giải quyết) (của) (các cơ quan) Trung ương", "kiến nghị / báo cáo / xin ý kiến / trình
 * (với) Trung ương / Bộ Chính trị / Chính phủ / Thủ tướng / a ministry".
 */
export function isCentralCompetence(text: string): boolean {
  const folded = fold(text);
  return PATTERNS.some((p) => p.test(folded));
}
