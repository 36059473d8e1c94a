import { isNotifyingEvent, type AssignmentEvent, type ExistingAssignment, type NotifyingEvent } from '@app/domain';
import type { TransactionSql } from '@app/event-store';
import type { AssignmentStep } from '../assignment-summary/assignment-states';
import { insertFromRecordset, writeRows } from '../shared/recordset';
import { notificationIdOf } from './notification-id';
import { decisionMessage, notificationMessage, type DecisionNotificationKind, type NotificationSubject } from './notification-message';

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

/** The agencies named on the assignment with their roles: the lead (an "each of" parent has none) and the coordinators. */
function named(state: ExistingAssignment): { agency: string; role: 'lead' | 'coordinator' }[] {
  const lead = state.lead === null ? [] : [{ agency: state.lead, role: 'lead' as const }];
  return [...lead, ...state.agencies.filter((a) => a.role === 'coordinator').map((a) => ({ agency: a.agency, role: 'coordinator' as const }))];
}

/** Every agency named, or the lead only. */
const targets = (state: ExistingAssignment, everyone: boolean) => (everyone ? named(state) : named(state).filter((a) => a.role === 'lead'));

function subjectOf(state: ExistingAssignment, event: NotifyingEvent): NotificationSubject {
  const base = { text: state.text, dueAt: event.data.dueAt };
  if (event.type === 'ReminderSent') return { ...base, kind: 'reminder', level: null };
  if (event.type === 'MarkedOverdue') return { ...base, kind: 'overdue', level: null };
  if (event.type === 'StageDeadlineMissed') return { ...base, kind: 'stageOverdue', level: null, stage: event.data.stage };
  return { ...base, kind: 'escalation', level: event.data.level };
}

const LAPSE_CAUSE: Readonly<Record<EventOf<'ExtensionRequestLapsed'>['data']['cause'], string>> = {
  closed: 'báo cáo đã được xác nhận hoàn thành',
  withdrawn: 'nhiệm vụ đã được thu hồi',
};

type EventOf<T extends AssignmentEvent['type']> = Extract<AssignmentEvent, { type: T }>;
type Decision = { kind: DecisionNotificationKind; comment?: (event: AssignmentEvent) => string | null; dueAt?: (event: AssignmentEvent) => string };

/** Each event an agency is told of as a decision: its notification kind, and the comment or reason it carries. */
const DECISIONS: { readonly [T in AssignmentEvent['type']]?: { kind: DecisionNotificationKind; comment?: (event: EventOf<T>) => string | null; dueAt?: (event: EventOf<T>) => string } } = {
  AssignmentCreated: { kind: 'assigned' },
  ProposalReturned: { kind: 'proposalReturned', comment: (e) => e.data.comment },
  ProposalAccepted: { kind: 'proposalAccepted', comment: (e) => e.data.comment },
  ReportRejected: { kind: 'reportRejected', comment: (e) => e.data.comment },
  ReportConfirmed: { kind: 'reportConfirmed', comment: (e) => e.data.comment },
  ExtensionApproved: { kind: 'extensionApproved', comment: (e) => e.data.comment },
  ExtensionDenied: { kind: 'extensionDenied', comment: (e) => e.data.comment },
  CentreResponded: { kind: 'centreResponded', comment: (e) => e.data.response },
  // Its date is the one asked for, not the deadline in force.
  ExtensionRequestLapsed: { kind: 'extensionLapsed', comment: (e) => LAPSE_CAUSE[e.data.cause], dueAt: (e) => e.data.newDueAt },
  AssignmentWithdrawn: { kind: 'withdrawn', comment: (e) => e.data.reason },
};

/** The events that tell an agency of a decision: with the timers', what has inbox rows. */
export const DECISION_NOTICE_EVENT_TYPES: readonly string[] = Object.freeze(Object.keys(DECISIONS));

/** A decision's notification kind, and the comment or reason it carries; undefined for events no agency is told of. */
function decisionOf(event: AssignmentEvent): { kind: DecisionNotificationKind; comment?: string | null; dueAt?: string } | undefined {
  // The entry for this event's own type: its readers take this event.
  const decision = DECISIONS[event.type] as Decision | undefined;
  return decision && { kind: decision.kind, ...(decision.comment && { comment: decision.comment(event) }), ...(decision.dueAt && { dueAt: decision.dueAt(event) }) };
}

/** One inbox row per timer event or decision and agency it concerns. */
export async function projectNotifications(tx: TransactionSql, steps: readonly AssignmentStep[]): Promise<void> {
  const rows = steps.flatMap(({ stored, event, state }) => {
    const row = (agency: string, kind: string, level: number | null, message: string) => ({
      notification_id: notificationIdOf(stored.eventId, agency),
      event_id: stored.eventId,
      global_position: stored.globalPosition,
      agency,
      assignment_id: state.id,
      directive_id: state.directiveId,
      kind,
      level,
      message,
      created_at: stored.occurredAt,
    });
    if (isNotifyingEvent(event)) {
      const subject = subjectOf(state, event);
      const message = notificationMessage(subject);
      // Reminders to the coordinators too; overdue, missed milestones and the ladder are the lead's to answer.
      return targets(state, event.type === 'ReminderSent').map(({ agency }) => row(agency, subject.kind, subject.level, message));
    }
    const decision = decisionOf(event);
    if (!decision) return [];
    // A new or withdrawn assignment concerns every agency named; the other decisions, the lead.
    return targets(state, decision.kind === 'assigned' || decision.kind === 'withdrawn').map(({ agency, role }) =>
      row(agency, decision.kind, null, decisionMessage({ ...decision, text: state.text, dueAt: decision.dueAt ?? state.adjustedDueAt, role })),
    );
  });
  await writeRows(tx, INSERT, rows);
}
