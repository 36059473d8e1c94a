import { matchAgencies } from '@app/agencies';
import type { Line } from './lines';
import { romanHeadingNumber } from './roman';
import { topLevelNumber } from './section-three';
import { collapseWhitespace, fold, keywordPattern, NOT_WORD_AFTER } from './text-utils';

/** A title from the subject line is cut to this many characters, at a word (the domain takes up to 500). */
export const MAX_TITLE_LENGTH = 300;
/** A subject copied from a PDF wraps over a few lines; more is the body. */
const MAX_SUBJECT_LINES = 4;
/** A longer line after the subject's first is a paragraph of the body, not the subject wrapped. */
const MAX_WRAPPED_LINE = 200;

/** The notice's heading, folded: "THÔNG BÁO", "KẾT LUẬN", "THÔNG BÁO KẾT LUẬN". */
const HEADING_WORDS = new RegExp(`^(?:thông\\s+báo(?:\\s+kết\\s+luận)?|kết\\s+luận)${NOT_WORD_AFTER}`, 'u');
/** How a subject under the heading opens: "Kết luận của …", "Ý kiến …", "của …", "về (việc) …", "V/v …". */
const SUBJECT_OPENER = new RegExp(`^(?:kết\\s+luận|ý\\s+kiến|của|về|v\\s*/\\s*v)${NOT_WORD_AFTER}`, 'u');
/** A subject line of its own in the header, with no heading above it (under the number, as on an official letter). */
const ABOUT = new RegExp(`^(?:v\\s*/\\s*v|về\\s+việc)${NOT_WORD_AFTER}`, 'u');
const WHEN = String.raw`(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày\s+\d|\d{1,2}\s*[/.-]\s*\d)[^,]*,`;
const WHERE = String.raw`tại\s[^,]{1,60},`;
const LEAD_IN = String.raw`(?:căn\s+cứ|thực\s+hiện|trên\s+cơ\s+sở|kính\s+gửi|vừa\s+qua|theo)`;
/**
 * The body's first line: what happened when or where ("Ngày 22/3/2023, …", "Sáng 22/3, …", "Tại Hội nghị, …"),
 * "Căn cứ …", "Thực hiện …".
 */
const BODY_OPENER = new RegExp(`^(?:${WHEN}|${WHERE}|${LEAD_IN}${NOT_WORD_AFTER})`, 'u');
/** The number ("Số 123-TB/TU") and the place and date ("Hà Tĩnh, ngày …"): the header's other parts. */
const FURNITURE = new RegExp(`^(?:số${NOT_WORD_AFTER}|[\\p{L}\\s.'-]{2,40},\\s*ngày\\s)`, 'u');
/** "-----", "***", "* * *": a rule under the heading. */
const RULE = /^[\s\-–—_*=.·•~]+$/u;
const SENTENCE_END = /[.;:!?]$/u;
/** What the issuer does at the start of the body: "Ban Thường vụ Tỉnh ủy kết luận", "… giao", "… yêu cầu". */
const ISSUER_VERB = new RegExp(`^\\s*,?\\s*(?:${['kết luận', 'giao', 'yêu cầu'].map(keywordPattern).join('|')})${NOT_WORD_AFTER}`, 'u');
/** Table cells of the header pasted from Word arrive separated by tabs (or wide runs of spaces). */
const CELL_BREAK = /\t| {3,}/u;

const firstCell = (content: string): string => content.split(CELL_BREAK)[0].trim();
const startsLowerCase = (text: string): boolean => /^\p{Ll}/u.test(text);

function opensBody(line: Line, previous: Line | undefined): boolean {
  const numbered = topLevelNumber(line.content) !== undefined || romanHeadingNumber(line.content, previous?.content) !== undefined;
  // In lower case, "theo …", "căn cứ …" go on with a wrapped subject.
  return numbered || (!startsLowerCase(line.content) && BODY_OPENER.test(fold(line.content)));
}

/** The lines before the body: the header, where the heading and the subject are. */
function headerOf(lines: readonly Line[]): readonly Line[] {
  const end = lines.findIndex((line, i) => opensBody(line, lines[i - 1]));
  return end === -1 ? lines : lines.slice(0, end);
}

/**
 * "THÔNG BÁO" or "Kết luận" alone on its line, or a line all in capitals that opens with them ("THÔNG BÁO KẾT LUẬN CỦA
 * BAN THƯỜNG VỤ TỈNH ỦY"): the heading words and what follows them on the line.
 */
function headingOf(content: string): { words: string; rest: string } | undefined {
  const m = HEADING_WORDS.exec(fold(content));
  if (m === null) return undefined;
  const words = content.slice(0, m[0].length);
  const rest = content.slice(m[0].length).replace(/[\s.:]+$/u, '').trim();
  if (!/^\p{Lu}/u.test(words) || rest !== rest.toUpperCase()) return undefined;
  return { words, rest };
}

/**
 * A line that opens the body right under the subject: one ending in ":" ("Ban Thường vụ Tỉnh ủy kết luận:") or one
 * where a body named at its start concludes, assigns or requires ("Ban Thường vụ Tỉnh ủy kết luận như sau").
 */
function opensBodyUnderSubject(content: string): boolean {
  if (content.endsWith(':')) return true;
  const first = matchAgencies(content)[0];
  return first !== undefined && first.span[0] === 0 && ISSUER_VERB.test(fold(content.slice(first.span[1])));
}

/** A line the subject wraps onto: not blank, not a rule or another part of the header, not the body. */
function wrapsSubject(previous: string, content: string): boolean {
  if (content === '' || RULE.test(content) || content.length > MAX_WRAPPED_LINE) return false;
  if (opensBodyUnderSubject(content)) return false;
  if (FURNITURE.test(fold(content)) || headingOf(content) !== undefined) return false;
  return startsLowerCase(content) || !SENTENCE_END.test(previous);
}

/** The subject from the line `from` on, over the lines it wraps onto, whitespace collapsed. */
function readSubject(contents: readonly string[], from: number): string {
  const parts = [contents[from]];
  for (let i = from + 1; i < contents.length && parts.length < MAX_SUBJECT_LINES; i += 1) {
    if (!wrapsSubject(parts[parts.length - 1], contents[i])) break;
    parts.push(contents[i]);
  }
  return collapseWhitespace(parts.join(' ')).replace(/[\s.,:;]+$/u, '');
}

const nextNonBlank = (contents: readonly string[], from: number): number => contents.findIndex((content, i) => i >= from && content !== '');

function sentenceCase(words: string): string {
  const lower = collapseWhitespace(words).toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/**
 * The subject under the heading: "THÔNG BÁO" then "Kết luận của Ban Thường vụ Tỉnh ủy tại …". One that goes on from
 * the heading in lower case ("THÔNG BÁO KẾT LUẬN" then "của Ban Thường vụ …") is read with it: "Thông báo kết luận
 * của Ban Thường vụ …".
 */
function subjectUnderHeading(header: readonly Line[]): string | undefined {
  const contents = header.map((line) => line.content);
  const headings = contents.map(headingOf);
  const at = headings.findIndex((heading) => heading !== undefined);
  const heading = headings[at];
  if (heading === undefined) return undefined;
  if (heading.rest !== '') return readSubject(contents, at);
  let words = heading.words;
  let next = nextNonBlank(contents, at + 1);
  // "THÔNG BÁO" over "KẾT LUẬN": one heading on two lines.
  while (next !== -1 && headings[next]?.rest === '') {
    words = `${words} ${contents[next]}`;
    next = nextNonBlank(contents, next + 1);
  }
  if (next === -1 || !SUBJECT_OPENER.test(fold(contents[next]))) return undefined;
  const subject = readSubject(contents, next);
  return startsLowerCase(subject) ? `${sentenceCase(words)} ${subject}` : subject;
}

/** "V/v …" in the header, where Word pastes its table: the subject's cell, without the one beside it. */
function subjectOnItsOwn(header: readonly Line[]): string | undefined {
  const cells = header.map((line) => firstCell(line.content));
  const at = cells.findIndex((cell) => ABOUT.test(fold(cell)));
  return at === -1 ? undefined : readSubject(cells, at);
}

function capped(title: string): string {
  if (title.length <= MAX_TITLE_LENGTH) return title;
  const cut = title.slice(0, MAX_TITLE_LENGTH - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > MAX_TITLE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,:;]+$/u, '')}…`;
}

/**
 * The title the notice gives itself: the subject line of its header, under "THÔNG BÁO" / "KẾT LUẬN" ("Kết luận của
 * Ban Thường vụ Tỉnh ủy tại Hội nghị …") or on its own ("V/v …", "Về việc …"), as written (diacritics and case kept),
 * whitespace collapsed, at most `MAX_TITLE_LENGTH` characters. Undefined when the header has none.
 */
export function subjectTitle(preambleLines: readonly Line[]): string | undefined {
  const header = headerOf(preambleLines);
  const subject = subjectUnderHeading(header) ?? subjectOnItsOwn(header);
  return subject === undefined || subject === '' ? undefined : capped(subject).normalize('NFC');
}
