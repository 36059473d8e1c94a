import { evolveDirective, initialDirectiveState, type DirectiveState, type ExistingDirective } from '@app/domain';
import type { StoredEvent, TransactionSql } from '@app/event-store';
import { directiveEventOf } from '../shared/domain-events';
import { jsonb } from '../shared/sql';

/** Applies the event with the domain's evolveDirective to the stored state; an event already applied is skipped. */
export async function projectDirectiveSummary(tx: TransactionSql, stored: StoredEvent): Promise<void> {
  const found = directiveEventOf(stored);
  if (!found) return;
  const [current] = await tx<{ state: ExistingDirective; version: number }[]>`
    select state, version from directive_summary where directive_id = ${found.directiveId}`;
  if (current && stored.streamVersion <= current.version) return;
  const state: DirectiveState = evolveDirective(current?.state ?? initialDirectiveState, found.event);
  if (!state.exists) return;
  const lastReport = state.reports[state.reports.length - 1] ?? null;
  await tx`
    insert into directive_summary (directive_id, title, number, issuing_body, issued_on, monitoring_agency, assignment_count,
      withdrawn, withdrawn_at, withdrawal_reason, report_count, last_report, state, version, created_at, updated_at)
    values (${state.id}, ${state.title}, ${state.number}, ${state.issuingBody}, ${state.issuedOn}, ${state.monitoringAgency},
      ${state.assignments.length}, ${state.status === 'withdrawn'}, ${state.withdrawal?.at ?? null}, ${state.withdrawal?.reason ?? null},
      ${state.reports.length}, ${lastReport && jsonb(tx, lastReport)}, ${jsonb(tx, state)}, ${stored.streamVersion},
      ${stored.occurredAt}, ${stored.occurredAt})
    on conflict (directive_id) do update set
      withdrawn = excluded.withdrawn, withdrawn_at = excluded.withdrawn_at, withdrawal_reason = excluded.withdrawal_reason,
      report_count = excluded.report_count, last_report = excluded.last_report, state = excluded.state,
      version = excluded.version, updated_at = excluded.updated_at`;
}
