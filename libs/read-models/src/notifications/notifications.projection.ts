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

/** A decision's notification kind, and the comment or reason it carries; undefined for events no agency is told of. */
function decisionOf(event: AssignmentEvent): { kind: DecisionNotificationKind; comment?: string | null } | undefined {
  switch (event.type) {
    case 'AssignmentCreated':
      return { kind: 'assigned' };
    case 'ProposalReturned':
      return { kind: 'proposalReturned', comment: event.data.comment };
    case 'ProposalAccepted':
      return { kind: 'proposalAccepted', comment: event.data.comment };
    case 'ReportRejected':
      return { kind: 'reportRejected', comment: event.data.comment };
    case 'ReportConfirmed':
      return { kind: 'reportConfirmed', comment: event.data.comment };
    case 'ExtensionApproved':
      return { kind: 'extensionApproved', comment: event.data.comment };
    case 'ExtensionDenied':
      return { kind: 'extensionDenied', comment: event.data.comment };
    case 'CentreResponded':
      return { kind: 'centreResponded' };
    case 'AssignmentWithdrawn':
      return { kind: 'withdrawn', comment: event.data.reason };
    default:
      return undefined;
  }
}

/**
 * Who a decision concerns: every agency named for a new or withdrawn assignment, the lead for the rest. An "each of"
 * parent names no lead: its tracks tell each district.
 */
function decisionTargets(state: ExistingAssignment, kind: DecisionNotificationKind): { agency: string; role: 'lead' | 'coordinator' }[] {
  if (state.lead === null) return [];
  const lead = { agency: state.lead, role: 'lead' as const };
  if (kind !== 'assigned' && kind !== 'withdrawn') return [lead];
  return [lead, ...state.agencies.filter((a) => a.role === 'coordinator').map((a) => ({ agency: a.agency, role: 'coordinator' as const }))];
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
      return targetsOf(state, event).map((agency) => row(agency, subject.kind, subject.level, message));
    }
    const decision = decisionOf(event);
    if (!decision) return [];
    return decisionTargets(state, decision.kind).map(({ agency, role }) =>
      row(agency, decision.kind, null, decisionMessage({ ...decision, text: state.text, dueAt: state.adjustedDueAt, role })),
    );
  });
  await writeRows(tx, INSERT, rows);
}
