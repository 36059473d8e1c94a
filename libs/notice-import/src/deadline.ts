import { addMonths, isoDate, isValidDate, monthBeforeEnd, monthEnd, quarterEnd } from './dates';
import type { DeadlineSpec } from './notice-types';
import { collapseWhitespace, fold, NOT_WORD_AFTER, NOT_WORD_BEFORE } from './text-utils';

/** A deadline found in an item, or why a deadline-like phrase was rejected. */
export type DeadlineHit =
  | { ok: true; deadline: DeadlineSpec; text: string; index: number }
  | { ok: false; text: string; index: number; reason: string };

interface Rule {
  readonly pattern: RegExp;
  readonly read: (groups: readonly (string | undefined)[], issuedOn: string) => DeadlineSpec | string;
}

const DATE_NUMERIC = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?`;
const DATE_WORDS = String.raw`(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?`;
const WITHIN = String.raw`trong(?:\s+thời\s+hạn|\s+vòng|\s+thời\s+gian)?\s+(\d{1,3})\s+ngày`;
const COUNTED_FROM = String.raw`(?:\s+kể\s+từ\s+ngày\s+(?:ban\s+hành|ký|nhận)(?:\s+(?:thông\s+báo|văn\s+bản|kết\s+luận))?)?`;
// "quý II/2023", "quý II năm 2023", "quý II-2023", "tháng 5.2024"
const YEAR_SUFFIX = String.raw`(?:\s*(?:[/.-]|năm)\s*(\d{4}))?`;
const NOT_A_PERIOD = String.raw`(?!\s+(?:đầu|cuối|qua|gần|trước|còn\s+lại|năm|của|\d))`;
const QUARTERS: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
/** "Thời hạn: …", "thời hạn hoàn thành là …", "thời gian hoàn thành: …": a time limit stated as a field. */
const TIME_LIMIT = String.raw`(?:thời\s+hạn(?:\s+hoàn\s+thành)?|thời\s+gian\s+hoàn\s+thành)(?:\s*:|\s+là)\s*`;
/** Where a period's deadline starts: "trong/hết/cuối quý II", or a time limit field ("Thời hạn: quý II/2023"). */
const PERIOD_INTRO = String.raw`(?:(?:trong|hết|cuối)\s+|${TIME_LIMIT}(?:trong\s+)?)`;

/** Patterns run on folded text, so their words are folded too ("quý" → "qúy"); they use no upper-case escapes. */
function rule(source: string, read: Rule['read']): Rule {
  return { pattern: new RegExp(`${NOT_WORD_BEFORE}${fold(source)}${NOT_WORD_AFTER}`, 'gu'), read };
}

/** A year left out ("trước ngày 30/9") is the issue year, or the next one if the date would precede the issue. */
function withYear(year: string | undefined, issuedOn: string, candidate: (y: number) => string): string {
  if (year !== undefined) return candidate(Number(year));
  const issueYear = Number(issuedOn.slice(0, 4));
  const sameYear = candidate(issueYear);
  return sameYear < issuedOn ? candidate(issueYear + 1) : sameYear;
}

function readDate(groups: readonly (string | undefined)[], issuedOn: string): DeadlineSpec | string {
  const [day, month] = [Number(groups[0]), Number(groups[1])];
  const date = withYear(groups[2], issuedOn, (y) => isoDate(y, month, day));
  const year = Number(date.slice(0, 4));
  return isValidDate(year, month, day) ? { kind: 'date', date } : `${day}/${month}/${year} is not a date`;
}

const RULES: readonly Rule[] = [
  rule(String.raw`(?:(?:trước|chậm\s+nhất(?:\s+là)?(?:\s+(?:đến|vào))?|hạn\s+chót(?:\s+là)?)\s+|${TIME_LIMIT})(?:ngày\s+)?(?:${DATE_NUMERIC}|${DATE_WORDS})`, (g, issuedOn) =>
    readDate(g[0] !== undefined ? g.slice(0, 3) : g.slice(3, 6), issuedOn),
  ),
  rule(`${WITHIN}\\s+làm\\s+việc${COUNTED_FROM}`, (g) => ({ kind: 'workingDays', days: Number(g[0]) })),
  rule(`${WITHIN}(?!\\s+làm\\s+việc)${COUNTED_FROM}`, (g) => ({ kind: 'calendarDays', days: Number(g[0]) })),
  rule(String.raw`${PERIOD_INTRO}quý\s+(iv|iii|ii|i|[1-4])${YEAR_SUFFIX}`, (g, issuedOn) => ({
    kind: 'date',
    date: withYear(g[1], issuedOn, (y) => quarterEnd(y, QUARTERS[g[0] ?? '4'])),
  })),
  rule(String.raw`${PERIOD_INTRO}tháng\s+(\d{1,2})${YEAR_SUFFIX}`, (g, issuedOn) => {
    const month = Number(g[0]);
    if (month < 1 || month > 12) return `${month} is not a month`;
    return { kind: 'date', date: withYear(g[1], issuedOn, (y) => monthEnd(y, month)) };
  }),
  rule(String.raw`${PERIOD_INTRO}năm\s+(\d{4})`, (g) => ({ kind: 'date', date: isoDate(Number(g[0]), 12, 31) })),
  // "Before quarter III" is by the end of quarter II; before a month or a year, by the end of the one before.
  rule(String.raw`trước\s+quý\s+(iv|iii|ii|i|[1-4])${YEAR_SUFFIX}`, (g, issuedOn) => ({
    kind: 'date',
    date: withYear(g[1], issuedOn, (y) => monthBeforeEnd(y, (QUARTERS[g[0] ?? '1'] - 1) * 3 + 1)),
  })),
  rule(String.raw`trước\s+tháng\s+(\d{1,2})${YEAR_SUFFIX}`, (g, issuedOn) => {
    const month = Number(g[0]);
    if (month < 1 || month > 12) return `${month} is not a month`;
    return { kind: 'date', date: withYear(g[1], issuedOn, (y) => monthBeforeEnd(y, month)) };
  }),
  rule(String.raw`trước\s+năm\s+(\d{4})`, (g) => ({ kind: 'date', date: isoDate(Number(g[0]) - 1, 12, 31) })),
  // Months are counted from the notice's issue date, to the same day of the month; "trong 6 tháng đầu năm" and
  // "trong 3 tháng qua" are periods reported on, not deadlines.
  rule(String.raw`trong(?:\s+thời\s+hạn|\s+vòng|\s+thời\s+gian)?\s+(\d{1,2})\s+tháng${NOT_A_PERIOD}${COUNTED_FROM}`, (g, issuedOn) => {
    const months = Number(g[0]);
    return months >= 1 ? { kind: 'date', date: addMonths(issuedOn, months) } : `${months} months is no time`;
  }),
];

function hitsOf(rule: Rule, text: string, folded: string, issuedOn: string): DeadlineHit[] {
  return Array.from(folded.matchAll(rule.pattern), (m) => {
    const index = m.index ?? 0;
    const phrase = collapseWhitespace(text.slice(index, index + m[0].length));
    const read = rule.read(m.slice(1), issuedOn);
    return typeof read === 'string' ? { ok: false, text: phrase, index, reason: read } : { ok: true, deadline: read, text: phrase, index };
  });
}

/**
 * Every deadline phrase in an item, in text order: "trước ngày 30/9/2023", "trong thời hạn 45 ngày kể từ ngày ban
 * hành", "trong 10 ngày làm việc", "trong quý IV năm 2023", "trong tháng 6/2023", "trong năm 2023", "trước quý
 * III/2023", "trước tháng 6", "trước năm 2025", "trong 2 tháng kể từ ngày ban hành".
 */
export function findDeadlines(text: string, issuedOn: string): DeadlineHit[] {
  const folded = fold(text);
  return RULES.flatMap((r) => hitsOf(r, text, folded, issuedOn)).sort((a, b) => a.index - b.index);
}
