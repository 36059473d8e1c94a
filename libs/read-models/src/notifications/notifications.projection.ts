import type { AssignmentEvent, ExistingAssignment } from '@app/domain';
import type { StoredEvent, TransactionSql } from '@app/event-store';
import { loadAssignment } from '../assignment-summary/assignment-summary.projection';
import { assignmentEventOf } from '../shared/domain-events';
import { notificationIdOf } from './notification-id';
import { notificationMessage, type NotificationSubject } from './notification-message';

type TimerEvent = Extract<AssignmentEvent, { type: 'ReminderSent' | 'MarkedOverdue' | 'EscalatedToLevel' | 'StageDeadlineMissed' }>;

const isTimerEvent = (event: AssignmentEvent): event is TimerEvent =>
  event.type === 'ReminderSent' || event.type === 'MarkedOverdue' || event.type === 'EscalatedToLevel' || event.type === 'StageDeadlineMissed';

/** The lead always; coordinators too for reminders (overdue, missed stages and the ladder are the lead's to answer). */
function targetsOf(state: ExistingAssignment, event: TimerEvent): string[] {
  const lead = state.lead === null ? [] : [state.lead];
  if (event.type !== 'ReminderSent') return lead;
  return [...lead, ...state.agencies.filter((a) => a.role === 'coordinator').map((a) => a.agency)];
}

function subjectOf(state: ExistingAssignment, event: TimerEvent): NotificationSubject {
  const base = { text: state.text, dueAt: event.data.dueAt };
  if (event.type === 'ReminderSent') return { ...base, kind: 'reminder', level: null };
  if (event.type === 'MarkedOverdue') return { ...base, kind: 'overdue', level: null };
  if (event.type === 'StageDeadlineMissed') return { ...base, kind: 'stageOverdue', level: null, stage: event.data.stage };
  return { ...base, kind: 'escalation', level: event.data.level };
}

/** One inbox row per timer event and target agency. Runs after the assignment summary. */
export async function projectNotifications(tx: TransactionSql, stored: StoredEvent): Promise<void> {
  const found = assignmentEventOf(stored);
  if (!found || !isTimerEvent(found.event)) return;
  const current = await loadAssignment(tx, found.assignmentId);
  if (!current) return;
  const subject = subjectOf(current.state, found.event);
  const message = notificationMessage(subject);
  for (const agency of targetsOf(current.state, found.event)) {
    await tx`
      insert into notifications (notification_id, event_id, global_position, agency, assignment_id, directive_id, kind, level, message, created_at)
      values (${notificationIdOf(stored.eventId, agency)}, ${stored.eventId}, ${stored.globalPosition}, ${agency}, ${current.state.id},
        ${current.state.directiveId}, ${subject.kind}, ${subject.level}, ${message}, ${stored.occurredAt})
      on conflict (notification_id) do nothing`;
  }
}
