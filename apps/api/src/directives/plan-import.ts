import type { ImportPolicy } from '@app/config';
import type { CreateDirectiveRequest } from '@app/contracts';
import { isWorkingDay, nextWorkingDayOnOrAfter, VN_HOLIDAY_TABLE } from '@app/domain';
import { formerNoticeFingerprints, noticeFingerprint, parseNotice, type ParsedNotice, type ParseError, type Warning } from '@app/notice-import';
import { directiveFromNotice, withDirectiveScopedIds } from './notice-to-directive';

const workingDays = (days: number) => ({ kind: 'workingDays' as const, days });

export interface PlannedImport {
  ok: true;
  directiveId: string;
  directive: CreateDirectiveRequest['directive'];
  warnings: Warning[];
  /** Ids releases before tone placement was folded may have given this notice: one imported then keeps its id. */
  formerDirectiveIds: string[];
}

export type ImportPlan = PlannedImport | { ok: false; error: ParseError };

/**
 * What importing this notice would create. The directive id is the notice's fingerprint, so importing the same
 * notice twice (even re-typed with other line breaks or decomposed Unicode) creates nothing new.
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
