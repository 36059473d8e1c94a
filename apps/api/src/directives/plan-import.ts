import type { ImportPolicy } from '@app/config';
import type { CreateDirectiveRequest } from '@app/contracts';
import { isWorkingDay, nextWorkingDayOnOrAfter, VN_HOLIDAY_TABLE } from '@app/domain';
import { formerNoticeFingerprints, noticeFingerprint, parseNotice, type ParsedNotice, type ParseError, type Warning } from '@app/notice-import';
import type { IssuedDirective } from '@app/read-models';
import { directiveFromNotice, withDirectiveScopedIds } from './notice-to-directive';

const workingDays = (days: number) => ({ kind: 'workingDays' as const, days });

export interface PlannedImport {
  ok: true;
  directiveId: string;
  directive: CreateDirectiveRequest['directive'];
  warnings: Warning[];
  /** Ids earlier releases may have given this notice (see `formerNoticeFingerprints`): one imported then keeps its id. */
  formerDirectiveIds: string[];
}

export type ImportPlan = PlannedImport | { ok: false; error: ParseError };

/**
 * What importing this notice would create. The directive id is the notice's fingerprint, so importing the same
 * notice twice (even retyped: other line breaks, Unicode form, letter case or end punctuation) creates nothing new.
 */
export function planImport(text: string, policy: ImportPolicy): ImportPlan {
  const deadline = workingDays(policy.deadlineDays);
  const parsed = parseNotice(text, { defaultDeadline: deadline });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const directiveId = noticeFingerprint(parsed.notice);
  const formerDirectiveIds = formerNoticeFingerprints(parsed.notice);
  const directive = {
    ...directiveFromNotice(parsed.notice, deadline),
    // Milestones for every item: acknowledge receipt, then submit the proposal, within these working days.
    defaultStageDeadlines: { acknowledge: workingDays(policy.acknowledgeDays), propose: workingDays(policy.proposeDays) },
  };
  return {
    ok: true,
    directiveId,
    directive: withDirectiveScopedIds(directiveId, directive),
    warnings: [...parsed.warnings, ...coordinatorsLeftOut(parsed.notice), ...holidaysNotKnown(parsed.notice), ...deadlinesOnDaysOff(parsed.notice)],
    formerDirectiveIds,
  };
}

/** The same plan under an id the notice was given before (its assignments' ids follow). */
export function underFormerId(plan: PlannedImport, former: string): PlannedImport {
  const keys = { ...plan.directive, assignments: (plan.directive.assignments ?? []).map((a) => ({ ...a, id: a.id.slice(plan.directiveId.length + 1) })) };
  return { ok: true, directiveId: former, directive: withDirectiveScopedIds(former, keys), warnings: plan.warnings, formerDirectiveIds: [] };
}

/** The plan under the first of its ids `isStored` finds (its own first), or as planned when none is. */
export async function underStoredId(plan: PlannedImport, isStored: (directiveId: string) => Promise<boolean>): Promise<PlannedImport> {
  if (plan.formerDirectiveIds.length === 0 || (await isStored(plan.directiveId))) return plan;
  for (const former of plan.formerDirectiveIds) if (await isStored(former)) return underFormerId(plan, former);
  return plan;
}

/** Where the import stands: the plan under the id it is stored under, or the active directives it would stand beside. */
export interface ResolvedImport {
  plan: PlannedImport;
  stored: boolean;
  /** Active directives of the same issuer and issue date under other ids: empty unless the import would create one. */
  similar: IssuedDirective[];
}

export interface ImportLookups {
  isStored: (directiveId: string) => Promise<boolean>;
  issuedBy: (issuingBody: string, issuedOn: string) => Promise<IssuedDirective[]>;
}

/**
 * The plan under its own or a former id when one is stored; else under the id of a directive of the same issuer and
 * date whose notice has this fingerprint today (imported by an earlier release, retyped since: case, end punctuation,
 * the closing paragraph); else as planned, with the active directives of that issuer and date it would stand beside.
 */
export async function resolveImport(planned: PlannedImport, lookups: ImportLookups): Promise<ResolvedImport> {
  const byId = await underStoredId(planned, lookups.isStored);
  if (await lookups.isStored(byId.directiveId)) return { plan: byId, stored: true, similar: [] };
  const { issuingBody, issuedOn } = planned.directive;
  const issued = issuingBody && issuedOn ? await lookups.issuedBy(issuingBody, issuedOn) : [];
  // A withdrawn one is not it: a notice it mis-read once (an earlier release's parse) can then be imported anew.
  const same = issued.find((directive) => !directive.withdrawn && directive.sourceText !== null && fingerprintOfText(directive.sourceText) === planned.directiveId);
  if (same) return { plan: underFormerId(planned, same.directiveId), stored: true, similar: [] };
  return { plan: byId, stored: false, similar: issued.filter((directive) => !directive.withdrawn && directive.directiveId !== byId.directiveId) };
}

function fingerprintOfText(text: string): string | undefined {
  const parsed = parseNotice(text);
  return parsed.ok ? noticeFingerprint(parsed.notice) : undefined;
}

/** What the import would stand beside, in words: `BTVTU-2023-03-22-… ("Thông báo kết luận …")`. */
function similarNamed(similar: readonly IssuedDirective[]): string {
  return similar.map((directive) => `${directive.directiveId} ("${directive.title}")`).join(', ');
}

/** Why an import beside `similar` is refused, and how to import it all the same (`allowAs`: the API's flag or the CLI's). */
export function similarDirectivesMessage(plan: PlannedImport, similar: readonly IssuedDirective[], allowAs: string): string {
  const { issuingBody, issuedOn } = plan.directive;
  const directives = similar.length === 1 ? 'a directive' : `${similar.length} directives`;
  return `${issuingBody} issued ${directives} on ${issuedOn} already: ${similarNamed(similar)}. If this notice is one of them edited, it was imported then; if it is another notice of that day, import it with ${allowAs} (it becomes ${plan.directiveId})`;
}

/** The dry run's warning of the same. */
export function similarDirectivesWarning(plan: PlannedImport, similar: readonly IssuedDirective[], allowAs: string): Warning {
  return { code: 'SIMILAR_DIRECTIVE_EXISTS', message: similarDirectivesMessage(plan, similar, allowAs) };
}

/** An "each of" item becomes one track per agency, which has no coordinators: say so rather than drop them silently. */
function coordinatorsLeftOut(notice: ParsedNotice): Warning[] {
  return notice.assignments.flatMap((item) => {
    const coordinators = item.kind === 'eachOf' ? item.agencies.filter((agency) => agency.role === 'coordinator').map((agency) => agency.code) : [];
    if (coordinators.length === 0) return [];
    return [{
      code: 'EACH_OF_COORDINATORS_LEFT_OUT' as const,
      message: `Item ${item.key} goes to each district on its own; its coordinators (${coordinators.join(', ')}) are not part of those tracks: add them to the directive by hand if they must take part`,
      assignmentKey: item.key,
    }];
  });
}

const HOLIDAY_YEARS = VN_HOLIDAY_TABLE.map((entry) => entry.year);

/**
 * Working days are counted with the holiday table (Tết included) only for the years it holds; outside them only
 * weekends and the fixed solar holidays are known, so a deadline there may fall on, or count, a Tết day.
 */
function holidaysNotKnown(notice: ParsedNotice): Warning[] {
  const dates = notice.assignments.flatMap(({ deadline }) => (deadline?.kind === 'date' ? [deadline.date] : []));
  const years = [notice.issuedOn, ...dates].map((date) => Number(date.slice(0, 4)));
  const outside = [...new Set(years.filter((year) => !HOLIDAY_YEARS.includes(year)))].sort();
  if (outside.length === 0) return [];
  const [first, last] = [Math.min(...HOLIDAY_YEARS), Math.max(...HOLIDAY_YEARS)];
  return [{
    code: 'HOLIDAYS_NOT_KNOWN' as const,
    message: `The holiday table covers ${first}–${last}; in ${outside.join(', ')} working days count only weekends and the fixed holidays (1/1, 30/4, 1/5, 2/9), not Tết: check the deadlines in working days by hand`,
  }];
}

/** d/m/yyyy, as the notice writes dates. */
const vietnameseDate = (date: string): string => date.split('-').reverse().map((part) => String(Number(part))).join('/');

/**
 * A date that is a day off is not where the work ends: it runs to the end of the next working day (Civil Code art.
 * 148), which the deadline shown then reads. Said in the dry run, so the Office is not surprised by the date.
 */
function deadlinesOnDaysOff(notice: ParsedNotice): Warning[] {
  return notice.assignments.flatMap(({ key, deadline }) => {
    if (deadline?.kind !== 'date' || isWorkingDay(deadline.date)) return [];
    const next = nextWorkingDayOnOrAfter(deadline.date);
    return [{
      code: 'DEADLINE_ON_DAY_OFF' as const,
      message: `Item ${key}: ${vietnameseDate(deadline.date)} is a day off (a weekend or a public holiday); the work is due at the end of the next working day, ${vietnameseDate(next)}`,
      assignmentKey: key,
    }];
  });
}
