import { summarize } from '@app/domain';
import type { TransactionSql } from '@app/event-store';
import type { ChangedAssignment } from '../assignment-summary/assignment-states';
import { insertFromRecordset, writeRows } from '../shared/recordset';

const UPSERT = `${insertFromRecordset('agency_status', [
  ['assignment_id', 'text'],
  ['agency', 'text'],
  ['directive_id', 'text'],
  ['role', 'text'],
  ['status', 'text'],
  ['due_at', 'timestamptz'],
  ['paused', 'boolean'],
  ['closed', 'boolean'],
  ['updated_at', 'timestamptz'],
])}
  on conflict (assignment_id, agency) do update set
    status = excluded.status, due_at = excluded.due_at, paused = excluded.paused, closed = excluded.closed,
    updated_at = excluded.updated_at`;

/**
 * One row per agency of a single assignment or a track, as of its last event. An eachOf parent gets no rows: its
 * tracks are counted instead, so no agency is counted twice.
 */
export async function projectAgencyStatus(tx: TransactionSql, changed: readonly ChangedAssignment[]): Promise<void> {
  const rows = changed.flatMap(({ state, last }) => {
    if (state.kind === 'eachOf') return [];
    const s = summarize(state, last.occurredAt);
    const closed = s.stage === 'closed' || s.stage === 'withdrawn';
    return s.agencies.map(({ agency, role }) => ({
      assignment_id: s.id,
      agency,
      directive_id: s.directiveId,
      role,
      status: s.status,
      due_at: s.dueAt,
      paused: s.paused,
      closed,
      updated_at: last.occurredAt,
    }));
  });
  await writeRows(tx, UPSERT, rows);
}
