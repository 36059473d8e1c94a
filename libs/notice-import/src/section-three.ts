import { matchAgencies } from '@app/agencies';
import type { Line } from './lines';
import { afterOpeningTrigger, TRIGGER_WORDS } from './addressees';
import { romanHeadingNumber } from './roman';
import { fold, keywordPattern, NOT_WORD_AFTER } from './text-utils';

/** A paragraph of section 3: `[start, end)` in the source, possibly over several wrapped lines. */
export interface Block {
  readonly start: number;
  readonly end: number;
  /** Length of the item marker ("- ", "3.1. ", "a) ") with the blanks after it; 0 when unmarked. */
  readonly markerLength: number;
  readonly marked: boolean;
  /** Under an agency heading ("3.1. Ban cán sự đảng UBND tỉnh:"): where that heading names the item's addressees. */
  readonly addressedBy?: { readonly start: number; readonly end: number };
}

/** How the notice numbers its top-level sections: "1.", "2.", "3." or "I.", "II.", "III.". */
export type Numbering = 'arabic' | 'roman';

/** The line that opens section 3 ("3. …" or "III. …") and how the notice numbers its sections. */
export interface SectionThreeHeading {
  readonly index: number;
  readonly numbering: Numbering;
}

export interface SectionThree {
  readonly heading: Block;
  readonly items: readonly Block[];
  readonly monitor?: Block;
  /** Unmarked paragraphs between marked items: neither an item nor the monitor paragraph. */
  readonly ignored: readonly Block[];
}

const TOP_LEVEL = /^(\d{1,2})\s*\.(?!\d)/u;
const MARKER = /^(?:[-–—•+*]\s*|3\s*\.\s*\d{1,2}\s*\.?\s*|\(?(?:[a-zđ]|\d{1,2})\)\s*)/u;
/** Bullets that, under an item ending in ":", list its parts rather than new items. */
const SUB_BULLET = /^[+•*]/u;
const SENTENCE_END = /[.;:!?…]$/u;
const CLOSING = /^(?:nơi\s+nhận|t\/m|k\/t|tm\.?\s)/u;
/** A heading's title before a ":" is short ("IV. TỔ CHỨC THỰC HIỆN:"); a longer text is a sentence. */
const MAX_TITLE_BEFORE_COLON = 100;

/** The number of a top-level heading ("3. Về…" → 3); sub-items such as "3.1." are not headings. */
export function topLevelNumber(content: string): number | undefined {
  const m = TOP_LEVEL.exec(content);
  return m === null ? undefined : Number(m[1]);
}

export function markerLength(content: string): number | undefined {
  const m = MARKER.exec(content);
  return m === null ? undefined : m[0].length;
}

/** "1. ", "2. ": items numbered inside section 3, restarting at 1 (told from the "4." heading in `draftParagraphs`). */
const NUMBERED = /^\d{1,2}\s*\.\s*/u;

/** The length of an item's marker, numbered "1." items included (for the fingerprint). */
export function itemMarkerLength(content: string): number | undefined {
  return markerLength(content) ?? (topLevelNumber(content) === undefined ? undefined : NUMBERED.exec(content)?.[0].length);
}

const OPENING_TRIGGER = new RegExp(`^(?:${TRIGGER_WORDS.map(keywordPattern).join('|')})${NOT_WORD_AFTER}`, 'u');

/** The text opens with the name of a registry body. */
const opensWithAgency = (text: string): boolean => matchAgencies(text)[0]?.span[0] === 0;

/**
 * "4. Ban Tổ chức Tỉnh ủy …", "4. Giao …" or a long sentence continues a numbered list; "4. Về tổ chức thực hiện" or
 * any short line naming no body ("4. Tổ chức thực hiện.") is the next heading.
 */
function continuesNumberedList(content: string): boolean {
  const rest = content.slice(NUMBERED.exec(content)?.[0].length ?? 0).trim();
  const folded = fold(rest);
  if (opensWithAgency(rest) || OPENING_TRIGGER.test(folded)) return true;
  // "4. Tổ chức thực hiện: Văn phòng Tỉnh ủy theo dõi, …": the next heading, its monitor paragraph on its line.
  if (inlineMonitorStart(rest) !== undefined) return false;
  const heading = /^về(?![\p{L}\p{N}\p{M}])/u.test(folded) || rest.length <= 100;
  return !heading;
}

/** The number of a top-level heading, as the notice numbers them. */
function headingNumber(line: Line, previous: Line, numbering: Numbering): number | undefined {
  return numbering === 'roman' ? romanHeadingNumber(line.content, previous.content) : topLevelNumber(line.content);
}

/**
 * The line that ends a section without belonging to it: a heading numbered after `section` ("4." or, in a notice
 * numbered in Roman numerals, "IV." after section 3), "Nơi nhận", a signature block.
 */
function isSectionEnd(line: Line, previous: Line, numbering: Numbering, section = 3): boolean {
  const top = headingNumber(line, previous, numbering);
  return (top !== undefined && top > section) || CLOSING.test(fold(line.content));
}

/** The closing paragraph "(Giao) Văn phòng Tỉnh ủy … theo dõi, tổng hợp … báo cáo …": an agency, then "theo dõi". */
export function looksLikeMonitor(content: string): boolean {
  return markerLength(content) === undefined && opensWithAgency(content.slice(afterOpeningTrigger(content))) && /theo\s+dõi/u.test(fold(content));
}

/**
 * Where a paragraph naming its body starts after a ":" of a heading's line ("IV. Tổ chức thực hiện: Ban Tổ chức Tỉnh
 * ủy theo dõi, …") or right after its number ("4. Ban Tổ chức Tỉnh ủy theo dõi, …"): the offset in `content`, or
 * undefined when none follows a short title.
 */
function inlineMonitorStart(content: string): number | undefined {
  const number = NUMBERED.exec(content)?.[0].length;
  if (number !== undefined && looksLikeMonitor(content.slice(number))) return number;
  for (const colon of content.matchAll(/:\s*/gu)) {
    const at = (colon.index ?? 0) + colon[0].length;
    if (at > MAX_TITLE_BEFORE_COLON) return undefined;
    if (at < content.length && looksLikeMonitor(content.slice(at))) return at;
  }
  return undefined;
}

/** The first heading numbered 3, after the first one numbered 2 when there is one; -1 when none. */
function thirdHeading(numbers: readonly (number | undefined)[]): { index: number; afterTwo: boolean } {
  const two = numbers.indexOf(2);
  return { index: numbers.findIndex((n, i) => n === 3 && i > two), afterTwo: two !== -1 };
}

/**
 * The notice numbers its sections "I.", "II.": a heading "II." follows a heading "I.", and that "I." comes before any
 * "1." (else those are items of an Arabic section 1 or 2).
 */
function numbersInRoman(romanNumbers: readonly (number | undefined)[], arabicNumbers: readonly (number | undefined)[]): boolean {
  const one = romanNumbers.indexOf(1);
  const arabicOne = arabicNumbers.indexOf(1);
  return one !== -1 && romanNumbers.some((n, i) => n === 2 && i > one) && (arabicOne === -1 || one < arabicOne);
}

/**
 * The heading of section 3. A "III." after a "II." wins, so the items "1." … "3." of a section II are not taken for
 * section 3. A notice numbered "I.", "II." without a "III." has no section 3: its "3." is an item of section I or II.
 * Else the "3." heading (the first one after a "2." heading when there is one); else a lone "III.".
 */
export function findHeadingLine(lines: readonly Line[]): SectionThreeHeading | undefined {
  const romanNumbers = lines.map((line, i) => romanHeadingNumber(line.content, lines[i - 1]?.content));
  const arabicNumbers = lines.map((line) => topLevelNumber(line.content));
  const roman = thirdHeading(romanNumbers);
  if (roman.index !== -1 && roman.afterTwo) return { index: roman.index, numbering: 'roman' };
  if (numbersInRoman(romanNumbers, arabicNumbers)) return undefined;
  const arabic = thirdHeading(arabicNumbers);
  if (arabic.index !== -1) return { index: arabic.index, numbering: 'arabic' };
  return roman.index === -1 ? undefined : { index: roman.index, numbering: 'roman' };
}

interface Draft {
  start: number;
  end: number;
  markerLength: number;
  marked: boolean;
  monitor: boolean;
  /** The bullet of the sub-items merged into this item ("+"), once one was. */
  subBullet?: string;
  /** An agency heading's span of bodies ("Ban cán sự đảng UBND tỉnh" of "3.1. Ban cán sự đảng UBND tỉnh:"). */
  headingSpan?: { start: number; end: number };
  /** The agency heading this bulleted item is listed under. */
  under?: Draft;
  /** An agency heading with items listed under it: not an item itself. */
  heads?: boolean;
}

function draftOf(line: Line, monitor: boolean): Draft {
  const marker = markerLength(line.content);
  return { start: line.contentStart, end: line.contentEnd, markerLength: marker ?? 0, marked: marker !== undefined, monitor };
}

/**
 * A line continues the paragraph above (a hard-wrapped line) when it starts nothing new and either the paragraph
 * stops mid-sentence or the line starts in lower case. Text copied from a PDF wraps anywhere, even before an agency
 * name followed by "theo dõi": paragraphs are whole before any is taken for the monitor's.
 */
function continues(source: string, current: Draft | undefined, line: Line): boolean {
  if (current === undefined) return false;
  if (markerLength(line.content) !== undefined) return isSubItem(source, current, line);
  const first = line.content[0];
  const startsLowerCase = first !== first.toUpperCase();
  return startsLowerCase || !SENTENCE_END.test(source.slice(current.start, current.end));
}

/**
 * "- Sở Nội vụ chủ trì:" then "+ rà soát …;" "+ đề xuất …": the "+" lines are the parts of that one assignment (its
 * addressees and deadline are the item's), not items of their own. The heading's own colon does not count.
 */
function isSubItem(source: string, current: Draft, line: Line): boolean {
  const bullet = line.content[0];
  if (!SUB_BULLET.test(bullet)) return false;
  if (current.subBullet !== undefined) return current.subBullet === bullet;
  const opens = current.marked && source.slice(current.start, current.end).trimEnd().endsWith(':');
  return opens && source[current.start] !== bullet;
}

const BULLET = /^[-–—•]/u;

/**
 * A numbered item that only names agencies, then ":" ("3.1. Ban cán sự đảng UBND tỉnh:", "a) Đảng đoàn HĐND tỉnh:"):
 * the bulleted lines after it are that body's tasks, one assignment each.
 */
function agencyHeadingSpan(source: string, draft: Draft): { start: number; end: number } | undefined {
  if (!draft.marked || BULLET.test(source[draft.start]) || SUB_BULLET.test(source[draft.start])) return undefined;
  const start = draft.start + draft.markerLength;
  const text = source.slice(start, draft.end).trimEnd();
  if (!text.endsWith(':')) return undefined;
  const names = text.slice(0, -1).trimEnd();
  const last = matchAgencies(names).at(-1);
  if (last === undefined || !opensWithAgency(names) || !/^[\s,;]*$/u.test(names.slice(last.span[1]))) return undefined;
  return { start, end: start + names.length };
}

/** The draft, with the span of the bodies it names when it is an agency heading. */
function withHeading(source: string, draft: Draft): Draft {
  const headingSpan = agencyHeadingSpan(source, draft);
  return headingSpan === undefined ? draft : { ...draft, headingSpan };
}

/**
 * The next item of a list numbered "1.", "2." … inside section 3. Under a "III." heading a "4." can only be an item;
 * under a "3." heading it may be the next heading (see `continuesNumberedList`).
 */
function isNextInList(content: string, n: number | undefined, numbered: number | undefined, numbering: Numbering): boolean {
  if (n === undefined || numbered === undefined || n !== numbered + 1) return false;
  return numbering === 'roman' || n <= 3 || continuesNumberedList(content);
}

/**
 * Groups the lines from the heading on into paragraphs, up to the monitor paragraph or the end of section 3, and the
 * index of the heading that ends section 3 (-1 when none does: "Nơi nhận", a signature or the end of the text).
 */
function draftParagraphs(source: string, lines: readonly Line[], heading: SectionThreeHeading): { drafts: Draft[]; nextHeading: number } {
  const headingIndex = heading.index;
  const drafts: Draft[] = [draftOf(lines[headingIndex], false)];
  let current: Draft | undefined = drafts[0];
  let agencyHeading: Draft | undefined;
  // The last number of items numbered "1.", "2." … inside section 3, once they started.
  let numbered: number | undefined;
  let nextHeading = -1;
  for (const [offset, line] of lines.slice(headingIndex + 1).entries()) {
    if (line.content === '') {
      current = undefined;
      agencyHeading = undefined;
      continue;
    }
    const n = topLevelNumber(line.content);
    const startsList = n === 1 && numbered === undefined && !drafts.slice(1).some((d) => d.marked);
    if (startsList || isNextInList(line.content, n, numbered, heading.numbering)) {
      numbered = n;
      current = withHeading(source, { start: line.contentStart, end: line.contentEnd, markerLength: NUMBERED.exec(line.content)?.[0].length ?? 0, marked: true, monitor: false });
      agencyHeading = current.headingSpan && current;
      drafts.push(current);
      continue;
    }
    if (isSectionEnd(line, lines[headingIndex + offset], heading.numbering)) {
      if (!CLOSING.test(fold(line.content))) nextHeading = headingIndex + offset + 1;
      break;
    }
    if (continues(source, current, line) && current !== undefined) {
      current.end = line.contentEnd;
      if (SUB_BULLET.test(line.content[0]) && markerLength(line.content) !== undefined) current.subBullet ??= line.content[0];
      continue;
    }
    current = withHeading(source, draftOf(line, false));
    // "- Ban Tổ chức Tỉnh ủy phối hợp …" under a heading names its own body: an item of its own.
    if (agencyHeading !== undefined && current.marked && BULLET.test(line.content) && !opensWithAgency(line.content.slice(current.markerLength))) {
      current.under = agencyHeading;
      agencyHeading.heads = true;
    } else agencyHeading = current.headingSpan && current;
    drafts.push(current);
  }
  // The monitor paragraph closes section 3: nothing after it is section 3's.
  const monitorAt = drafts.findIndex((d, index) => index > 0 && looksLikeMonitor(source.slice(d.start, d.end)));
  if (monitorAt === -1) return { drafts: splitOffMonitor(drafts, lines), nextHeading };
  drafts[monitorAt].monitor = true;
  return { drafts: drafts.slice(0, monitorAt + 1), nextHeading };
}

/**
 * The monitor paragraph of the section after section 3 ("IV. TỔ CHỨC THỰC HIỆN" or "4. Tổ chức thực hiện", then
 * "Ban Tổ chức Tỉnh ủy theo dõi, đôn đốc, … báo cáo Ban Thường vụ Tỉnh ủy."), on the heading's own line after its
 * ":" or in a paragraph up to the next heading, "Nơi nhận" or a signature; its item marker ("- ", "2.") left out.
 * Nothing else of that section is read: its items are not assignments.
 */
function monitorAfter(source: string, lines: readonly Line[], headingIndex: number, numbering: Numbering): Draft | undefined {
  const heading = lines[headingIndex];
  const section = headingNumber(heading, lines[headingIndex - 1] ?? heading, numbering) ?? 4;
  const inline = inlineMonitorStart(heading.content);
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  if (inline !== undefined) {
    current = { start: heading.contentStart + inline, end: heading.contentEnd, markerLength: 0, marked: false, monitor: true };
    drafts.push(current);
  }
  for (const [offset, line] of lines.slice(headingIndex + 1).entries()) {
    if (line.content === '') {
      current = undefined;
      continue;
    }
    if (isSectionEnd(line, lines[headingIndex + offset], numbering, section)) break;
    const marker = itemMarkerLength(line.content);
    if (marker === undefined && continues(source, current, line) && current !== undefined) {
      current.end = line.contentEnd;
      continue;
    }
    current = { start: line.contentStart, end: line.contentEnd, markerLength: marker ?? 0, marked: marker !== undefined, monitor: true };
    drafts.push(current);
  }
  const found = drafts.find((d) => looksLikeMonitor(source.slice(d.start + d.markerLength, d.end)));
  return found && { ...found, start: found.start + found.markerLength, markerLength: 0, marked: false };
}

/**
 * No paragraph reads like the monitor's: the last item may have run into it, its final full stop missing ("…trong
 * tháng 6/2024" then "Văn phòng Tỉnh ủy theo dõi, …" on the next line). The last line of that item that reads
 * like the monitor's opening starts it, when that item is not the heading.
 */
function splitOffMonitor(drafts: Draft[], lines: readonly Line[]): Draft[] {
  const last = drafts[drafts.length - 1];
  if (drafts.length < 2) return drafts;
  const opening = lines.filter((line) => line.contentStart > last.start && line.contentEnd <= last.end && looksLikeMonitor(line.content)).at(-1);
  if (opening === undefined) return drafts;
  const endOfItem = lines.filter((line) => line.contentEnd < opening.contentStart && line.content !== '').at(-1);
  if (endOfItem === undefined) return drafts;
  return [...drafts.slice(0, -1), { ...last, end: endOfItem.contentEnd }, { start: opening.contentStart, end: last.end, markerLength: 0, marked: false, monitor: true }];
}

function toBlock(d: Draft): Block {
  const addressedBy = d.under?.headingSpan;
  return { start: d.start, end: d.end, markerLength: d.markerLength, marked: d.marked, ...(addressedBy && { addressedBy }) };
}

/**
 * Section 3 of a notice: its items (bullets "- " / "-Đổi", sub-items "3.1.", "a)", "1)", "(1)", with the "+" parts
 * of an item that ends in ":", the bullets under an agency heading "3.1. Ban …:" each addressed to that body; or plain
 * paragraphs when no item is marked) and the closing monitor paragraph. The section ends at that paragraph, at a "4." heading
 * ("IV." under a "III." heading), at "Nơi nhận" / a signature block, or at the end of the text. When it ends at a
 * heading without a monitor paragraph of its own, the one of the section after ("IV. TỔ CHỨC THỰC HIỆN" then "Ban Tổ
 * chức Tỉnh ủy theo dõi, …") is the monitor's.
 */
export function readSectionThree(source: string, lines: readonly Line[], sectionHeading: SectionThreeHeading): SectionThree {
  const { drafts, nextHeading } = draftParagraphs(source, lines, sectionHeading);
  const [heading, ...rest] = drafts;
  const monitor = rest.find((d) => d.monitor) ?? (nextHeading === -1 ? undefined : monitorAfter(source, lines, nextHeading, sectionHeading.numbering));
  const others = rest.filter((d) => !d.monitor && !d.heads);
  const anyMarked = others.some((d) => d.marked);
  return {
    heading: toBlock(heading),
    items: others.filter((d) => d.marked || !anyMarked).map(toBlock),
    monitor: monitor === undefined ? undefined : toBlock(monitor),
    ignored: anyMarked ? others.filter((d) => !d.marked).map(toBlock) : [],
  };
}
