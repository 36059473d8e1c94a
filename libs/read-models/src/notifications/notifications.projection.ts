import { isNotifyingEvent, type ExistingAssignment, type NotifyingEvent } from '@app/domain';
import type { TransactionSql } from '@app/event-store';
import type { AssignmentStep } from '../assignment-summary/assignment-states';
import { insertFromRecordset, writeRows } from '../shared/recordset';
import { notificationIdOf } from './notification-id';
import { notificationMessage, type NotificationSubject } from './notification-message';

const INSERT = `${insertFromRecordset('notifications', [
  ['notification_id', 'uuid'],
  ['event_id', 'uuid'],
  ['global_position', 'bigint'],
  ['agency', 'text'],
  ['assignment_id', 'text'],
  ['directive_id', 'text'],
  ['kind', 'text'],
  ['level', 'smallint'],
  ['message', 'text'],
  ['created_at', 'timestamptz'],
])}
  on conflict (notification_id) do nothing`;

/** The lead always; coordinators too for reminders (overdue, missed stages and the ladder are the lead's to answer). */
function targetsOf(state: ExistingAssignment, event: NotifyingEvent): string[] {
  const lead = state.lead === null ? [] : [state.lead];
  if (event.type !== 'ReminderSent') return lead;
  return [...lead, ...state.agencies.filter((a) => a.role === 'coordinator').map((a) => a.agency)];
}

function subjectOf(state: ExistingAssignment, event: NotifyingEvent): NotificationSubject {
  const base = { text: state.text, dueAt: event.data.dueAt };
  if (event.type === 'ReminderSent') return { ...base, kind: 'reminder', level: null };
  if (event.type === 'MarkedOverdue') return { ...base, kind: 'overdue', level: null };
  if (event.type === 'StageDeadlineMissed') return { ...base, kind: 'stageOverdue', level: null, stage: event.data.stage };
  return { ...base, kind: 'escalation', level: event.data.level };
}

/** One inbox row per timer event and target agency. */
export async function projectNotifications(tx: TransactionSql, steps: readonly AssignmentStep[]): Promise<void> {
  const rows = steps.flatMap(({ stored, event, state }) => {
    if (!isNotifyingEvent(event)) return [];
    const subject = subjectOf(state, event);
    const message = notificationMessage(subject);
    return targetsOf(state, event).map((agency) => ({
      notification_id: notificationIdOf(stored.eventId, agency),
      event_id: stored.eventId,
      global_position: stored.globalPosition,
      agency,
      assignment_id: state.id,
      directive_id: state.directiveId,
      kind: subject.kind,
      level: subject.level,
      message,
      created_at: stored.occurredAt,
    }));
  });
  await writeRows(tx, INSERT, rows);
}
