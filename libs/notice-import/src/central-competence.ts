import { fold, NOT_WORD_BEFORE } from './text-utils';

const MINISTRY = String.raw`bộ\s+(?:nội\s+vụ|tài\s+chính|kế\s+hoạch\s+và\s+đầu\s+tư|tư\s+pháp|xây\s+dựng|y\s+tế|giáo\s+dục\s+và\s+đào\s+tạo|công\s+an|quốc\s+phòng|tài\s+nguyên\s+và\s+môi\s+trường|nông\s+nghiệp(?:\s+và\s+(?:phát\s+triển\s+nông\s+thôn|môi\s+trường))?|công\s+thương|giao\s+thông\s+vận\s+tải|lao\s+động\s*-?\s*thương\s+binh\s+và\s+xã\s+hội|văn\s+hóa\s*,?\s*thể\s+thao\s+và\s+du\s+lịch|thông\s+tin\s+và\s+truyền\s+thông|khoa\s+học\s+và\s+công\s+nghệ|ngoại\s+giao)`;
const NOT_MASS_ORGANISATION = String.raw`(?!\s+(?:đoàn|hội|mặt\s+trận|\d))`;
// The Party's central bodies: "Ban Tổ chức / Tuyên giáo / Nội chính Trung ương", "Ủy ban Kiểm tra Trung ương",
// "Văn phòng Trung ương (Đảng)", "Ban Chấp hành Trung ương".
const CENTRAL_BODY = String.raw`(?:ban(?!\s+hành)|ủy\s+ban|văn\s+phòng)(?:\s+[^\s.,;:]+){0,3}?\s+trung\s+ương${NOT_MASS_ORGANISATION}`;
// "Trung ương" alone, not "Trung ương Đoàn / Hội / Mặt trận" (mass organisations) nor "Trung ương 6" (a plenum).
const CENTRE = String.raw`(?:trung\s+ương${NOT_MASS_ORGANISATION}|${CENTRAL_BODY}|bộ\s+chính\s+trị|ban\s+bí\s+thư|chính\s+phủ|thủ\s+tướng(?:\s+chính\s+phủ)?|quốc\s+hội|các\s+bộ\s*,?\s*ngành\s+trung\s+ương|${MINISTRY})`;
// Matched against folded text, so the patterns are folded too (they use no upper-case escapes; `^` marks where a
// word must start, added after folding).
const PATTERNS: readonly RegExp[] = [
  String.raw`thẩm\s+quyền\s+(?:(?:xem\s+xét\s*,?\s*)?(?:giải\s+quyết|quyết\s+định)\s+)?(?:của\s+)?(?:các\s+cơ\s+quan\s+)?${CENTRE}`,
  String.raw`^(?:kiến\s+nghị|đề\s+xuất|đề\s+nghị|xin\s+ý\s+kiến|trình)\s+(?:với\s+|lên\s+)?${CENTRE}`,
  // Reporting is escalation only when the Centre is to decide: "báo cáo Trung ương xem xét, giải quyết".
  String.raw`^báo\s+cáo\s+(?:với\s+|lên\s+)?${CENTRE}[^.;]{0,40}?(?:xem\s+xét|giải\s+quyết|cho\s+ý\s+kiến|quyết\s+định)`,
].map((source) => new RegExp(source.startsWith('^') ? `${NOT_WORD_BEFORE}${fold(source.slice(1))}` : fold(source), 'u'));

/**
 * "thuộc thẩm quyền (xem xét, giải quyết) (của) (các cơ quan) Trung ương", "kiến nghị / xin ý kiến / trình (với) Trung
 * ương / Bộ Chính trị / Chính phủ / Thủ tướng / a ministry", "báo cáo Trung ương xem xét / giải quyết / cho ý kiến".
 */
export function isCentralCompetence(text: string): boolean {
  const folded = fold(text);
  return PATTERNS.some((p) => p.test(folded));
}
