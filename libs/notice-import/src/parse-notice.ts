import { buildAssignment } from './assignment';
import { isIsoDate } from './dates';
import { DEFAULT_ISSUER, deriveTitle, findDates, findIssuer, findNumber, issuerName } from './header';
import { checkInput } from './input-check';
import { splitLines } from './lines';
import { DEFAULT_MONITOR, readMonitor } from './monitor';
import type { DeadlineSpec, ParsedAssignment, ParseError, ParseOptions, ParseResult, Warning } from './notice-types';
import { type Block, findHeadingLine, readSectionThree } from './section-three';
import { subjectTitle } from './subject';

export const DEFAULT_DEADLINE: DeadlineSpec = { kind: 'workingDays', days: 30 };

const fail = (code: ParseError['code'], message: string): ParseResult => ({ ok: false, error: { code, message } });
const slice = (source: string, block: Block): string => source.slice(block.start, block.end);

function ignoredWarnings(source: string, ignored: readonly Block[]): Warning[] {
  return ignored.map((block) => ({
    code: 'IGNORED_PARAGRAPH',
    message: 'An unmarked paragraph among the items of section 3 is neither an item nor the monitoring paragraph; it was not imported.',
    text: slice(source, block),
    span: [block.start, block.end],
  }));
}

/**
 * Parses the text of a conclusion notice ("Thông báo kết luận") into its issuer, date, the assignments of section 3
 * and the monitor. Pure and deterministic: the same text always gives the same result. NFC is applied first, so
 * composed and decomposed input give the same result; spans index into `notice.sourceText`.
 */
export function parseNotice(text: string, options: ParseOptions = {}): ParseResult {
  const inputError = checkInput(text);
  if (inputError !== undefined) return { ok: false, error: inputError };
  const source = text.normalize('NFC').replace(/^\ufeff/u, '');
  const lines = splitLines(source);
  const heading = findHeadingLine(lines);
  if (heading === undefined) {
    return fail('NO_SECTION_3', 'No section 3 found: the assignments are expected under a line starting with "3." or "III." (e.g. "3. … Ban Thường vụ Tỉnh ủy giao:" or "III. NHIỆM VỤ …").');
  }
  const headingIndex = heading.index;
  const section = readSectionThree(source, lines, heading);
  if (section.items.length === 0) {
    return fail('NO_ASSIGNMENTS', 'Section 3 has no items: expected "- …" bullets, "3.1." sub-items or paragraphs after the "3." (or "III.") heading and before the monitoring paragraph.');
  }
  const preambleLines = lines.slice(0, headingIndex);
  const preamble = source.slice(0, lines[headingIndex].start);
  const dates = findDates(preambleLines);
  const issuedOn = dates.issuedOn ?? (options.issuedOn !== undefined && isIsoDate(options.issuedOn) ? options.issuedOn : undefined);
  if (issuedOn === undefined) {
    return fail('NO_ISSUE_DATE', 'No date found before section 3 (e.g. "Ngày 22/3/2023" or "ngày 22 tháng 3 năm 2023"); pass options.issuedOn.');
  }
  const warnings: Warning[] = [];
  const foundIssuer = findIssuer(slice(source, section.heading), preamble);
  const issuer = foundIssuer ?? DEFAULT_ISSUER;
  if (foundIssuer === undefined) {
    warnings.push({ code: 'ISSUER_DEFAULTED', message: `No "… kết luận" / "… giao" naming the issuing body; ${issuerName(issuer)} assumed.` });
  }
  const monitor = readMonitor(section.monitor === undefined ? undefined : slice(source, section.monitor), issuer);
  if (section.monitor === undefined) {
    warnings.push({ code: 'MONITOR_DEFAULTED', message: `No closing paragraph naming who monitors the notice ("… theo dõi, tổng hợp … báo cáo …"); ${DEFAULT_MONITOR} assumed.` });
  }
  warnings.push(...ignoredWarnings(source, section.ignored));
  const ctx = { source, issuedOn, defaultDeadline: options.defaultDeadline ?? DEFAULT_DEADLINE, monitor: monitor.agencyCode, issuer };
  const assignments: ParsedAssignment[] = [];
  section.items.forEach((block, index) => {
    const built = buildAssignment(block, index, ctx);
    assignments.push(built.assignment);
    warnings.push(...built.warnings);
  });
  const number = findNumber(preamble);
  const notice = {
    issuer: { code: issuer, name: issuerName(issuer) },
    issuedOn,
    title: subjectTitle(preambleLines) ?? deriveTitle(issuer, preamble, dates, issuedOn),
    ...(number === undefined ? {} : { number }),
    sourceText: source,
    assignments,
    monitor,
  };
  return { ok: true, notice, warnings };
}
