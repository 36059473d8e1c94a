import { summarize } from '@app/domain';
import type { TransactionSql } from '@app/event-store';
import { insertFromRecordset, writeRows } from '../shared/recordset';
import type { ChangedAssignment } from './assignment-states';

const UPSERT = `${insertFromRecordset('assignment_summary', [
  ['assignment_id', 'text'],
  ['directive_id', 'text'],
  ['parent_id', 'text'],
  ['kind', 'text'],
  ['stage', 'text'],
  ['status', 'text'],
  ['lead_agency', 'text'],
  ['agencies', 'jsonb'],
  ['agency_codes', 'text[]'],
  ['due_at', 'timestamptz'],
  ['original_due_at', 'timestamptz'],
  ['adjusted_due_at', 'timestamptz'],
  ['paused', 'boolean'],
  ['verdict', 'text'],
  ['overdue_level', 'smallint'],
  ['closed_at', 'timestamptz'],
  ['summary', 'jsonb'],
  ['state', 'jsonb'],
  ['version', 'integer'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
])}
  on conflict (assignment_id) do update set
    stage = excluded.stage, status = excluded.status, due_at = excluded.due_at, adjusted_due_at = excluded.adjusted_due_at,
    paused = excluded.paused, verdict = excluded.verdict, overdue_level = excluded.overdue_level, closed_at = excluded.closed_at,
    summary = excluded.summary, state = excluded.state, version = excluded.version, updated_at = excluded.updated_at`;

/** One row per assignment with its domain state and summary, as of the last event applied. */
export async function projectAssignmentSummary(tx: TransactionSql, changed: readonly ChangedAssignment[]): Promise<void> {
  await writeRows(tx, UPSERT, changed.map(rowOf));
}

function rowOf({ state, version, firstAt, last }: ChangedAssignment): object {
  const s = summarize(state, last.occurredAt);
  return {
    assignment_id: s.id,
    directive_id: s.directiveId,
    parent_id: s.parentId,
    kind: s.kind,
    stage: s.stage,
    status: s.status,
    lead_agency: s.lead,
    agencies: s.agencies,
    agency_codes: state.agencies.map((a) => a.agency),
    due_at: s.dueAt,
    original_due_at: s.originalDueAt,
    adjusted_due_at: s.adjustedDueAt,
    paused: s.paused,
    verdict: s.verdict,
    overdue_level: s.overdueLevel,
    closed_at: s.closedAt,
    summary: s,
    state,
    version,
    created_at: firstAt,
    updated_at: last.occurredAt,
  };
}
