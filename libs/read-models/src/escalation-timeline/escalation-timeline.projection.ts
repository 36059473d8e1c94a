import type { AssignmentEventType } from '@app/domain';
import type { TransactionSql } from '@app/event-store';
import type { AssignmentStep } from '../assignment-summary/assignment-states';
import { insertFromRecordset, writeRows } from '../shared/recordset';

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
  'ExtensionRequestWithdrawn',
  'ExtensionRequestLapsed',
  'AssignmentWithdrawn',
];

/** A district's part withdrawn with its parent would repeat the parent's row once per district: the parent's stands for them. */
const onTimeline = ({ event, state }: AssignmentStep): boolean => TIMELINE_EVENT_TYPES.includes(event.type) && !(event.type === 'AssignmentWithdrawn' && state.kind === 'track');

const INSERT = `${insertFromRecordset('escalation_timeline', [
  ['event_id', 'uuid'],
  ['global_position', 'bigint'],
  ['assignment_id', 'text'],
  ['directive_id', 'text'],
  ['agencies', 'text[]'],
  ['type', 'text'],
  ['level', 'smallint'],
  ['occurred_at', 'timestamptz'],
  ['actor', 'jsonb'],
  ['detail', 'jsonb'],
])}
  on conflict (event_id) do nothing`;

/** One row per reminder, overdue mark, ladder step, missed stage deadline, Centre escalation, extension event and withdrawal. */
export async function projectEscalationTimeline(tx: TransactionSql, steps: readonly AssignmentStep[]): Promise<void> {
  const rows = steps
    .filter(onTimeline)
    .map(({ stored, event, state }) => ({
      event_id: stored.eventId,
      global_position: stored.globalPosition,
      assignment_id: state.id,
      directive_id: state.directiveId,
      agencies: state.agencies.map((a) => a.agency),
      type: stored.type,
      level: event.type === 'EscalatedToLevel' ? event.data.level : null,
      occurred_at: stored.occurredAt,
      actor: stored.metadata.actor,
      detail: stored.data,
    }));
  await writeRows(tx, INSERT, rows);
}
