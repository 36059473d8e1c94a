import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AssignmentEventType, EscalationLevel } from '@app/domain';
import { TIMELINE_EVENT_TYPES, type NotificationKind } from '@app/read-models';
import { ActorView, StatusCountsView } from '../../assignments/dto/assignment.views';

/*
 * What the supervision endpoints answer, for the OpenAPI document only: the read models' escalation timeline,
 * status matrix and notifications.
 */

// A record, not an array: a kind the read model gains fails to compile here until it is listed.
const NOTIFICATION_KINDS = Object.keys({
  reminder: true,
  overdue: true,
  escalation: true,
  stageOverdue: true,
  assigned: true,
  proposalReturned: true,
  proposalAccepted: true,
  reportRejected: true,
  reportConfirmed: true,
  extensionApproved: true,
  extensionDenied: true,
  centreResponded: true,
  extensionLapsed: true,
  withdrawn: true,
} satisfies Record<NotificationKind, true>);

const LADDER_LEVELS: readonly EscalationLevel[] = [1, 2, 3];

/** One entry of the escalation timeline: a timer's or a decision's event on an assignment. */
export class EscalationEntryView {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: '1042', description: 'Position in the global feed (a decimal string)' })
  globalPosition!: string;

  @ApiProperty({ example: 'TB-2023-03-22-A1' })
  assignmentId!: string;

  @ApiProperty({ example: 'TB-2023-03-22' })
  directiveId!: string;

  @ApiProperty({ type: [String], example: ['BTCTU', 'DDHDND'], description: "The assignment's agencies" })
  agencies!: string[];

  @ApiProperty({ enum: TIMELINE_EVENT_TYPES })
  type!: AssignmentEventType;

  @ApiProperty({ type: Number, enum: LADDER_LEVELS, nullable: true, description: 'The ladder level of an EscalatedToLevel; null otherwise' })
  level!: EscalationLevel | null;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ type: ActorView })
  actor!: ActorView;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's data" })
  detail!: Record<string, unknown>;
}

export class EscalationPageView {
  @ApiProperty({ type: [EscalationEntryView], description: 'Newest first' })
  items!: EscalationEntryView[];

  @ApiPropertyOptional({ description: 'Pass as ?after= for older entries; absent on the last page' })
  nextCursor?: string;
}

/** Assignments by status, and how many in all. */
export class StatusTotalsView extends StatusCountsView {
  @ApiProperty({ example: 6 })
  total!: number;
}

/** One line of the status matrix: an agency's assignments (as lead or coordinator, or its track) by status. */
export class AgencyStatusCountsView extends StatusTotalsView {
  @ApiProperty({ example: 'BTCTU' })
  agency!: string;
}

export class StatusMatrixView {
  @ApiProperty({ type: String, nullable: true, description: 'The directive asked for; null: all directives' })
  directiveId!: string | null;

  @ApiProperty({ format: 'date-time', description: 'The instant statuses were computed at' })
  at!: string;

  @ApiProperty({ type: [AgencyStatusCountsView], description: 'Per agency, by agency code; an assignment shared by several agencies counts for each' })
  agencies!: AgencyStatusCountsView[];

  @ApiProperty({ type: StatusTotalsView, description: 'Each assignment once (an "each of" assignment as its tracks, one per agency)' })
  assignments!: StatusTotalsView;
}

/** A notification in an agency's inbox (also posted to its webhook, when it has one). */
export class NotificationView {
  @ApiProperty({ format: 'uuid' })
  notificationId!: string;

  @ApiProperty({ format: 'uuid', description: 'The event that caused it' })
  eventId!: string;

  @ApiProperty({ example: 'BTCTU' })
  agency!: string;

  @ApiProperty({ example: 'TB-2023-03-22-A1' })
  assignmentId!: string;

  @ApiProperty({ example: 'TB-2023-03-22' })
  directiveId!: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind!: NotificationKind;

  @ApiProperty({ type: Number, enum: LADDER_LEVELS, nullable: true, description: 'kind=escalation: the ladder level; null otherwise' })
  level!: EscalationLevel | null;

  @ApiProperty({ example: 'Nhiệm vụ "…" đã quá hạn (hạn 30/06/2025).', description: 'Vietnamese, NFC' })
  message!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'First successful webhook delivery; null when not (yet) delivered or no webhook' })
  deliveredAt!: string | null;

  @ApiProperty({ example: 0, description: 'Webhook deliveries tried, the successful one included' })
  deliveryAttempts!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Why the last delivery failed' })
  lastError!: string | null;
}

export class InboxPageView {
  @ApiProperty({ type: [NotificationView], description: 'Newest first' })
  items!: NotificationView[];

  @ApiPropertyOptional({ description: 'Pass as ?after= for older notifications; absent on the last page' })
  nextCursor?: string;
}
