import { evolveDirective, initialDirectiveState, type DirectiveState, type ExistingDirective } from '@app/domain';
import type { StoredEvent, TransactionSql } from '@app/event-store';
import { directiveEventOf } from '../shared/domain-events';
import { insertFromRecordset, writeRows } from '../shared/recordset';

const UPSERT = `${insertFromRecordset('directive_summary', [
  ['directive_id', 'text'],
  ['title', 'text'],
  ['number', 'text'],
  ['issuing_body', 'text'],
  ['issued_on', 'date'],
  ['monitoring_agency', 'text'],
  ['assignment_count', 'integer'],
  ['withdrawn', 'boolean'],
  ['withdrawn_at', 'timestamptz'],
  ['withdrawal_reason', 'text'],
  ['report_count', 'integer'],
  ['last_report', 'jsonb'],
  ['state', 'jsonb'],
  ['version', 'integer'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
])}
  on conflict (directive_id) do update set
    withdrawn = excluded.withdrawn, withdrawn_at = excluded.withdrawn_at, withdrawal_reason = excluded.withdrawal_reason,
    report_count = excluded.report_count, last_report = excluded.last_report, state = excluded.state,
    version = excluded.version, updated_at = excluded.updated_at`;

interface Changed {
  state: ExistingDirective;
  version: number;
  firstAt: string;
  lastAt: string;
}

/** Applies the batch with the domain's evolveDirective to the stored states; events already applied are skipped. */
export async function projectDirectiveSummary(tx: TransactionSql, events: readonly StoredEvent[]): Promise<void> {
  const found = events.flatMap((stored) => {
    const event = directiveEventOf(stored);
    return event ? [{ stored, ...event }] : [];
  });
  if (found.length === 0) return;
  const ids = [...new Set(found.map((f) => f.directiveId))];
  const stored = await tx<{ directive_id: string; state: ExistingDirective; version: number }[]>`
    select directive_id, state, version from directive_summary where directive_id = any(${ids}::text[])`;
  const current = new Map<string, { state: DirectiveState; version: number }>(stored.map((row) => [row.directive_id, row]));
  const changed = new Map<string, Changed>();
  for (const { stored: event, directiveId, event: domainEvent } of found) {
    const entry = current.get(directiveId) ?? { state: initialDirectiveState, version: 0 };
    if (event.streamVersion <= entry.version) continue;
    const state = evolveDirective(entry.state, domainEvent);
    if (!state.exists) continue;
    current.set(directiveId, { state, version: event.streamVersion });
    const firstAt = changed.get(directiveId)?.firstAt ?? event.occurredAt;
    changed.set(directiveId, { state, version: event.streamVersion, firstAt, lastAt: event.occurredAt });
  }
  await writeRows(tx, UPSERT, [...changed.values()].map(rowOf));
}

function rowOf({ state, version, firstAt, lastAt }: Changed): object {
  return {
    directive_id: state.id,
    title: state.title,
    number: state.number,
    issuing_body: state.issuingBody,
    issued_on: state.issuedOn,
    monitoring_agency: state.monitoringAgency,
    assignment_count: state.assignments.length,
    withdrawn: state.status === 'withdrawn',
    withdrawn_at: state.withdrawal?.at ?? null,
    withdrawal_reason: state.withdrawal?.reason ?? null,
    report_count: state.reports.length,
    last_report: state.reports[state.reports.length - 1] ?? null,
    state,
    version,
    created_at: firstAt,
    updated_at: lastAt,
  };
}
