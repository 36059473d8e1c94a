import type { AssignmentEventType } from '@app/domain';
import type { StoredEvent, TransactionSql } from '@app/event-store';
import { loadAssignment } from '../assignment-summary/assignment-summary.projection';
import { assignmentEventOf } from '../shared/domain-events';
import { jsonb } from '../shared/sql';

export const TIMELINE_EVENT_TYPES: readonly AssignmentEventType[] = [
  'ReminderSent',
  'MarkedOverdue',
  'EscalatedToLevel',
  'StageDeadlineMissed',
  'EscalatedToCentre',
  'CentreResponded',
  'ExtensionRequested',
  'ExtensionApproved',
  'ExtensionDenied',
];

/** One row per reminder, overdue mark, ladder step, missed stage deadline, Centre escalation and extension event. Runs after the assignment summary. */
export async function projectEscalationTimeline(tx: TransactionSql, stored: StoredEvent): Promise<void> {
  const found = assignmentEventOf(stored);
  if (!found || !TIMELINE_EVENT_TYPES.includes(found.event.type)) return;
  const current = await loadAssignment(tx, found.assignmentId);
  if (!current) return;
  const { state } = current;
  const level = found.event.type === 'EscalatedToLevel' ? found.event.data.level : null;
  await tx`
    insert into escalation_timeline (event_id, global_position, assignment_id, directive_id, agencies, type, level, occurred_at, actor, detail)
    values (${stored.eventId}, ${stored.globalPosition}, ${state.id}, ${state.directiveId}, ${state.agencies.map((a) => a.agency)}::text[],
      ${stored.type}, ${level}, ${stored.occurredAt}, ${jsonb(tx, stored.metadata.actor)}, ${jsonb(tx, stored.data)})
    on conflict (event_id) do nothing`;
}
