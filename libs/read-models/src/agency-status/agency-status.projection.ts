import { summarize } from '@app/domain';
import type { StoredEvent, TransactionSql } from '@app/event-store';
import { loadAssignment } from '../assignment-summary/assignment-summary.projection';
import { assignmentEventOf } from '../shared/domain-events';

/**
 * One row per agency of a single assignment or a track, refreshed on each of its events. Runs after the
 * assignment summary (it reads the state that projection just saved). An eachOf parent gets no rows: its
 * tracks are counted instead, so no agency is counted twice.
 */
export async function projectAgencyStatus(tx: TransactionSql, stored: StoredEvent): Promise<void> {
  const found = assignmentEventOf(stored);
  if (!found) return;
  const current = await loadAssignment(tx, found.assignmentId);
  if (!current || current.state.kind === 'eachOf' || current.version !== stored.streamVersion) return;
  const s = summarize(current.state, stored.occurredAt);
  const closed = s.stage === 'closed' || s.stage === 'withdrawn';
  for (const { agency, role } of s.agencies) {
    await tx`
      insert into agency_status (assignment_id, agency, directive_id, role, status, due_at, paused, closed, updated_at)
      values (${s.id}, ${agency}, ${s.directiveId}, ${role}, ${s.status}, ${s.dueAt}, ${s.paused}, ${closed}, ${stored.occurredAt})
      on conflict (assignment_id, agency) do update set
        status = excluded.status, due_at = excluded.due_at, paused = excluded.paused, closed = excluded.closed,
        updated_at = excluded.updated_at`;
  }
}
