import type { AssignmentPlan, DeadlineSpec } from '@app/domain';
import type { ParsedNotice } from '@app/notice-import';
import type { CreateDirectiveRequest } from '@app/contracts';

/**
 * A parsed notice as the directive to create. Assignment ids are `<directiveId>-<key>` (A1…An), unique across
 * directives because workflow ids derive from them.
 */
export function directiveFromNotice(notice: ParsedNotice, defaultDeadline: DeadlineSpec): CreateDirectiveRequest['directive'] {
  return {
    title: notice.title,
    number: notice.number ?? null,
    issuingBody: notice.issuer.code,
    issuedOn: notice.issuedOn,
    sourceText: notice.sourceText,
    monitoringAgency: notice.monitor.agencyCode,
    assignments: notice.assignments.map(
      (item): Omit<AssignmentPlan, 'id'> & { id: string } => ({
        id: item.key,
        paragraph: item.paragraph,
        text: item.text,
        kind: item.kind === 'eachOf' ? 'eachOf' : 'single',
        agencies: item.agencies
          .filter((agency) => item.kind !== 'eachOf' || agency.role === 'each')
          .map((agency) => ({ agency: agency.code, role: agency.role === 'coordinator' ? 'coordinator' : 'lead' })),
        deadline: item.deadline ?? defaultDeadline,
        centralCompetence: item.centralCompetence,
      }),
    ),
  };
}

/** Prefixes each plan id with the directive id. */
export function withDirectiveScopedIds(directiveId: string, directive: CreateDirectiveRequest['directive']): CreateDirectiveRequest['directive'] {
  return { ...directive, assignments: (directive.assignments ?? []).map((plan) => ({ ...plan, id: `${directiveId}-${plan.id}` })) };
}
