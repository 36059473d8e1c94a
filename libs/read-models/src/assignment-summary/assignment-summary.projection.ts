import { evolveAssignment, initialAssignmentState, summarize, type AssignmentState, type ExistingAssignment } from '@app/domain';
import type { StoredEvent, TransactionSql } from '@app/event-store';
import { assignmentEventOf } from '../shared/domain-events';
import { jsonb, type Db } from '../shared/sql';

export interface StoredAssignment {
  readonly state: ExistingAssignment;
  readonly version: number;
}

/** The assignment's domain state as last projected (other projections of the same event read it after this one). */
export async function loadAssignment(db: Db, assignmentId: string): Promise<StoredAssignment | undefined> {
  const rows = await db<{ state: ExistingAssignment; version: number }[]>`
    select state, version from assignment_summary where assignment_id = ${assignmentId}`;
  return rows[0];
}

/** Applies the event with the domain's own evolve to the stored state; an event already applied is skipped. */
export async function projectAssignmentSummary(tx: TransactionSql, stored: StoredEvent): Promise<void> {
  const found = assignmentEventOf(stored);
  if (!found) return;
  const current = await loadAssignment(tx, found.assignmentId);
  if (current && stored.streamVersion <= current.version) return;
  const state: AssignmentState = evolveAssignment(current?.state ?? initialAssignmentState, found.event);
  if (!state.exists) return;
  await saveAssignment(tx, state, stored);
}

async function saveAssignment(tx: TransactionSql, state: ExistingAssignment, stored: StoredEvent): Promise<void> {
  const s = summarize(state, stored.occurredAt);
  const codes = state.agencies.map((a) => a.agency);
  await tx`
    insert into assignment_summary (assignment_id, directive_id, parent_id, kind, stage, status, lead_agency, agencies,
      agency_codes, due_at, original_due_at, adjusted_due_at, paused, verdict, overdue_level, closed_at, summary, state,
      version, created_at, updated_at)
    values (${s.id}, ${s.directiveId}, ${s.parentId}, ${s.kind}, ${s.stage}, ${s.status}, ${s.lead}, ${jsonb(tx, s.agencies)},
      ${codes}::text[], ${s.dueAt}, ${s.originalDueAt}, ${s.adjustedDueAt}, ${s.paused}, ${s.verdict}, ${s.overdueLevel},
      ${s.closedAt}, ${jsonb(tx, s)}, ${jsonb(tx, state)}, ${stored.streamVersion}, ${stored.occurredAt}, ${stored.occurredAt})
    on conflict (assignment_id) do update set
      stage = excluded.stage, status = excluded.status, due_at = excluded.due_at, adjusted_due_at = excluded.adjusted_due_at,
      paused = excluded.paused, verdict = excluded.verdict, overdue_level = excluded.overdue_level, closed_at = excluded.closed_at,
      summary = excluded.summary, state = excluded.state, version = excluded.version, updated_at = excluded.updated_at`;
}
