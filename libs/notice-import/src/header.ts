import { findAgency, matchAgencies } from '@app/agencies';
import { isoDate, isValidDate, vietnameseShortDate } from './dates';
import type { Line } from './lines';
import { fold } from './text-utils';

export const DEFAULT_ISSUER = 'BTVTU';

const DATE = String.raw`ngày\s+(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))`;
const DATES = new RegExp(`(?<![\\p{L}\\p{N}])${DATE}`, 'gu');
/** "Hà Tĩnh, ngày 28 tháng 3 năm 2023": the place-and-date line of a formal notice gives the issue date. */
const PLACE_AND_DATE = new RegExp(`^[\\p{L}\\s.'-]{2,40},\\s*${DATE}`, 'u');
const NUMBER_AFTER_SO = /(?<![\p{L}\p{N}])Số\s*:?\s*(\d{1,5}\s*-\s*[\p{Lu}Đ]{1,8}(?:\s*\/\s*[\p{Lu}Đ\p{N}]{1,8})+)/u;
const NOTICE_NUMBER = /(?<![\p{L}\p{N}/-])(\d{1,5}-TB(?:\/[\p{Lu}Đ\p{N}]{1,8})+)(?![\p{L}\p{N}])/u;
const ISSUER_VERB = /\s*,?\s*(?:kết\s+luận|giao|thông\s+báo|yêu\s+cầu)(?![\p{L}])/uy;
const CONCLUSION_OF = /(?:kết\s+luận|thông\s+báo)\s+của\s+$/u;
/** How far before a body "kết luận của" is looked for. */
const LOOK_BEHIND = 40;

function followedByIssuerVerb(folded: string, at: number): boolean {
  ISSUER_VERB.lastIndex = at;
  return ISSUER_VERB.test(folded);
}

function dateFrom(groups: readonly (string | undefined)[]): string | undefined {
  const [d, m, y] = groups[0] !== undefined ? groups.slice(0, 3) : groups.slice(3, 6);
  const [day, month, year] = [Number(d), Number(m), Number(y)];
  return isValidDate(year, month, day) ? isoDate(year, month, day) : undefined;
}

/** Dates written "ngày 22/3/2023" or "ngày 22 tháng 3 năm 2023", in text order. */
export function datesIn(text: string): string[] {
  return Array.from(fold(text).matchAll(DATES), (m) => dateFrom(m.slice(1))).filter((d): d is string => d !== undefined);
}

export interface NoticeDates {
  readonly issuedOn?: string;
  /** The date of the conference the notice concludes, for the title. */
  readonly meetingOn?: string;
}

/** The issue date: the place-and-date line if any, else the first date of the preamble ("Ngày 22/3/2023, …"). */
export function findDates(preambleLines: readonly Line[]): NoticeDates {
  const placeLine = preambleLines.find((l) => PLACE_AND_DATE.test(fold(l.content)));
  const placeDate = placeLine === undefined ? undefined : datesIn(placeLine.content)[0];
  const others = preambleLines.filter((l) => l !== placeLine).flatMap((l) => datesIn(l.content));
  return { issuedOn: placeDate ?? others[0], meetingOn: others[0] ?? placeDate };
}

/** The notice number, e.g. "123-TB/TU", from "Số: 123-TB/TU" or a bare "…-TB/…". */
export function findNumber(preamble: string): string | undefined {
  const found = NUMBER_AFTER_SO.exec(preamble)?.[1] ?? NOTICE_NUMBER.exec(preamble)?.[1];
  return found?.replace(/\s+/gu, '');
}

/**
 * The issuing body: a registry body followed by "kết luận" / "giao" / "thông báo" (as in "…, Ban Thường vụ Tỉnh
 * ủy giao:" and "Ban Thường vụ Tỉnh ủy kết luận:") or preceded by "kết luận của". The section 3 heading is read
 * first, then the preamble in order.
 */
export function findIssuer(heading: string, preamble: string): string | undefined {
  for (const text of [heading, preamble]) {
    const folded = fold(text);
    const hit = matchAgencies(text).find(
      (m) => followedByIssuerVerb(folded, m.span[1]) || CONCLUSION_OF.test(folded.slice(Math.max(0, m.span[0] - LOOK_BEHIND), m.span[0])),
    );
    if (hit !== undefined) return hit.code;
  }
  return undefined;
}

export function issuerName(code: string): string {
  return findAgency(code)?.name ?? code;
}

/**
 * "Thông báo kết luận của Ban Thường vụ Tỉnh ủy sau Hội nghị ngày 22/3/2023": the title of a notice whose header has
 * no subject line (see `subjectTitle`).
 */
export function deriveTitle(issuer: string, preamble: string, dates: NoticeDates, issuedOn: string): string {
  const head = `Thông báo kết luận của ${issuerName(issuer)}`;
  const conference = /hội\s+nghị/u.test(fold(preamble)) ? ' sau Hội nghị' : '';
  return `${head}${conference} ngày ${vietnameseShortDate(dates.meetingOn ?? issuedOn)}`;
}
