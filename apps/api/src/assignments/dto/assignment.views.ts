import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSIGNMENT_EVENT_TYPES, ASSIGNMENT_STAGES, ASSIGNMENT_STATUSES, STAGE_MILESTONES } from '@app/domain';
import type { ActorKind, AgencyRole, AssignmentEventType, AssignmentKind, AssignmentStage, AssignmentStatus, EscalationLevel, Verdict } from '@app/domain';

/*
 * What the assignment endpoints answer, for the OpenAPI document only: the services return the read models'
 * and the workflow's objects (AssignmentSummaryView, StepResult, TimelineEntry), of which these are the shape.
 */

// Records, not arrays: a value the domain gains fails to compile here until it is listed.
const ACTOR_KINDS = Object.keys({ agency: true, supervisor: true, admin: true, system: true } satisfies Record<ActorKind, true>);
const ASSIGNMENT_KINDS = Object.keys({ single: true, eachOf: true, track: true } satisfies Record<AssignmentKind, true>);
const LEVELS: readonly (0 | EscalationLevel)[] = [0, 1, 2, 3];

/** Who caused an event (the domain's Actor). */
export class ActorView {
  @ApiProperty({ enum: ACTOR_KINDS, description: '`system`: a timer or a signal between workflows' })
  kind!: ActorKind;

  @ApiPropertyOptional({ example: 'BTCTU', description: 'kind=agency only: the agency that acted' })
  agency?: string;

  @ApiPropertyOptional({ example: 'BTGTU', description: 'kind=agency only, for a joint group named in its place (`agency`, e.g. CQTMGV): the member that acted for it' })
  member?: string;
}

/** Assignments by status (the domain's StatusCounts). */
export class StatusCountsView {
  @ApiProperty({ example: 3, description: 'Đang thực hiện trong hạn' })
  inProgressOnTime!: number;

  @ApiProperty({ example: 1, description: 'Đang thực hiện quá hạn' })
  inProgressOverdue!: number;

  @ApiProperty({ example: 2, description: 'Hoàn thành đúng hạn' })
  doneOnTime!: number;

  @ApiProperty({ example: 0, description: 'Hoàn thành quá hạn' })
  doneLate!: number;

  @ApiProperty({ example: 0 })
  withdrawn!: number;
}

export class AgencyAssignmentView {
  @ApiProperty({ example: 'BTCTU', description: 'Agency code (GET /api/agencies)' })
  agency!: string;

  @ApiProperty({ enum: ['lead', 'coordinator'], description: 'chủ trì (lead) or phối hợp (coordinator)' })
  role!: AgencyRole;
}

export class StageDeadlineView {
  @ApiProperty({ format: 'date-time', description: 'The stage deadline in force' })
  dueAt!: string;

  @ApiProperty({ description: 'The milestone was reached (first acknowledgement, proposal or report)' })
  reached!: boolean;

  @ApiProperty({ description: 'StageDeadlineMissed fired for it' })
  missed!: boolean;
}

/** One entry per milestone the assignment has a deadline for (the others are absent). */
export class StageDeadlinesView {
  @ApiPropertyOptional({ type: StageDeadlineView, description: `Acknowledge receipt by (milestones: ${STAGE_MILESTONES.join(', ')})` })
  acknowledge?: StageDeadlineView;

  @ApiPropertyOptional({ type: StageDeadlineView, description: 'Submit the proposal by' })
  propose?: StageDeadlineView;

  @ApiPropertyOptional({ type: StageDeadlineView, description: 'Submit the report by' })
  report?: StageDeadlineView;
}

/** One agency's track of an "each of" assignment, as the parent last heard of it. */
export class TrackView {
  @ApiProperty({ example: 'BTV-HUONGSON' })
  agency!: string;

  @ApiProperty({ enum: ASSIGNMENT_STAGES })
  stage!: AssignmentStage;

  @ApiProperty({ enum: ASSIGNMENT_STATUSES })
  status!: AssignmentStatus;

  @ApiProperty({ format: 'date-time', description: "The track's deadline in force (an approved extension moves it, not the parent's)" })
  dueAt!: string;

  @ApiProperty({ description: "The track's clock is stopped (waiting for the Centre, a report in review)" })
  paused!: boolean;

  @ApiProperty({ type: Number, enum: LEVELS, nullable: true, description: 'The escalation level it reached; null for a track that last reported before tracks sent their level' })
  level!: 0 | EscalationLevel | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'GET /api/assignments/{id} only: the date its pending extension request asks for, null when none' })
  pendingExtensionDueAt?: string | null;

  @ApiPropertyOptional({ description: 'GET /api/assignments/{id} only: its deadline in force falls on a weekend or public holiday in Vietnam' })
  dueOnDayOff?: boolean;

  @ApiPropertyOptional({ description: 'GET /api/assignments/{id} only: the date its pending request asks for falls on a day off' })
  pendingExtensionOnDayOff?: boolean;
}

/** An "each of" assignment's tracks, rolled up. */
export class TrackRollUpView {
  @ApiProperty({ example: 13 })
  total!: number;

  @ApiProperty({ type: StatusCountsView, description: 'The tracks by status' })
  byStatus!: StatusCountsView;

  @ApiProperty({ type: [TrackView] })
  tracks!: TrackView[];
}

/** The domain's summary of an assignment with its day-off marks: what a step answers (no projection fields). */
export class AssignmentStateView {
  @ApiProperty({ example: 'TB-2023-03-22-A1', description: '<directiveId>-<key>; a track is <parentId>.<agency>' })
  id!: string;

  @ApiProperty({ example: 'TB-2023-03-22' })
  directiveId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'A track\'s "each of" parent; null otherwise' })
  parentId!: string | null;

  @ApiProperty({ enum: ASSIGNMENT_KINDS, description: 'single: one lead and coordinators; eachOf: every agency runs its own track; track: one of those' })
  kind!: AssignmentKind;

  @ApiProperty({ type: String, nullable: true, description: 'The paragraph of the notice it came from' })
  paragraph!: string | null;

  @ApiProperty({ example: 'Nghiên cứu và đề xuất các chính sách thu hút cán bộ trẻ' })
  text!: string;

  @ApiProperty({ enum: ASSIGNMENT_STAGES, description: 'tracking: an "each of" parent while its tracks run' })
  stage!: AssignmentStage;

  @ApiProperty({ enum: ASSIGNMENT_STATUSES, description: 'As of the read (overdue once past the deadline in force)' })
  status!: AssignmentStatus;

  @ApiProperty({ type: [AgencyAssignmentView] })
  agencies!: AgencyAssignmentView[];

  @ApiProperty({ type: String, nullable: true, example: 'BTCTU', description: 'The lead agency; null on an "each of" parent (each track has its own)' })
  lead!: string | null;

  @ApiProperty({ type: [String], example: ['DDHDND'] })
  coordinators!: string[];

  @ApiProperty({ format: 'date-time', description: 'The deadline in force (lists sort and filter by it); on an "each of" parent the earliest among its open tracks whose clock runs' })
  dueAt!: string;

  @ApiProperty({ format: 'date-time', description: 'The deadline the notice set' })
  originalDueAt!: string;

  @ApiProperty({ format: 'date-time', description: 'The deadline after approved extensions and Centre pauses' })
  adjustedDueAt!: string;

  @ApiProperty({ description: 'The clock is stopped (waiting for the Centre, a report in review)' })
  paused!: boolean;

  @ApiProperty({ example: 0, description: 'Milliseconds the clock has been stopped in all' })
  pausedMsTotal!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The date a pending extension request asks for; null when none waits' })
  pendingExtensionDueAt!: string | null;

  @ApiProperty({ type: String, enum: ['onTime', 'late'], nullable: true, description: 'Fixed when the report is confirmed; null until then' })
  verdict!: Verdict | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: string | null;

  @ApiProperty({ type: Number, enum: LEVELS, description: 'Escalation ladder level reached (1 head of agency, 2 VPTU, 3 Standing Committee); 0: none' })
  overdueLevel!: 0 | EscalationLevel;

  @ApiProperty({ type: TrackRollUpView, nullable: true, description: 'An "each of" parent\'s tracks; null for other kinds' })
  tracks!: TrackRollUpView | null;

  @ApiProperty({ description: "The notice puts the matter beyond the province's competence (for the lead to propose to the Centre); false for assignments created before it was recorded" })
  centralCompetence!: boolean;

  @ApiPropertyOptional({ type: StageDeadlinesView, description: 'Present only when the assignment has stage deadlines (never on an "each of" parent: its tracks reach or miss them)' })
  stageDeadlines?: StageDeadlinesView;

  @ApiProperty({ description: 'dueAt falls on a weekend or public holiday in Vietnam' })
  dueOnDayOff!: boolean;

  @ApiProperty({ description: 'pendingExtensionDueAt falls on a weekend or public holiday in Vietnam (false when none waits)' })
  pendingExtensionOnDayOff!: boolean;
}

/**
 * An assignment as read: from the projection, or with `consistent=true` as its workflow holds it. An agency reading
 * an "each of" assignment sees its own track's stage and clock.
 */
export class AssignmentView extends AssignmentStateView {
  @ApiProperty({ example: 3, description: "The assignment stream's version" })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When the projection last changed' })
  updatedAt!: string;
}

export class AssignmentPageView {
  @ApiProperty({ type: [AssignmentView], description: 'Ordered by deadline in force, then id' })
  items!: AssignmentView[];

  @ApiPropertyOptional({ description: 'Pass as ?cursor= for the next page; absent on the last page' })
  nextCursor?: string;
}

/** An event a step appended to the assignment's stream. */
export class AppendedEventView {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 2 })
  streamVersion!: number;

  @ApiProperty({ enum: ASSIGNMENT_EVENT_TYPES })
  type!: AssignmentEventType;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's data" })
  data!: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ example: '1042', description: 'Position in the global feed (a decimal string)' })
  globalPosition!: string;

  @ApiPropertyOptional({ description: 'Only on events an earlier attempt of this command had already stored: its correlation id' })
  correlationId?: string;

  @ApiPropertyOptional({ type: ActorView, description: 'Only on events an earlier attempt of this command had already stored' })
  actor?: ActorView;
}

/** A step's answer: the assignment as the workflow left it, its stream version and the events appended. */
export class StepResultView {
  @ApiProperty({ type: AssignmentStateView, description: 'The assignment (on an "each of" assignment, the agency\'s own track) after the step' })
  assignment!: AssignmentStateView;

  @ApiProperty({ example: 4, description: "The stream's version after the step" })
  version!: number;

  @ApiProperty({ type: [AppendedEventView] })
  events!: AppendedEventView[];
}

export class AssignmentTimelineEntryView {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 1, description: 'The stream version of the event' })
  version!: number;

  @ApiProperty({ enum: ASSIGNMENT_EVENT_TYPES })
  type!: AssignmentEventType;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ type: ActorView })
  actor!: ActorView;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The API token the person acted with (GET /api/tokens); null for timers, signals and events stored before tokens were recorded' })
  tokenId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "That token's label, as the admin named it; null without one" })
  tokenLabel!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's data" })
  data!: Record<string, unknown>;
}

export class AssignmentTimelineView {
  @ApiProperty({ example: 'TB-2023-03-22-A1' })
  assignmentId!: string;

  @ApiProperty({ type: [AssignmentTimelineEntryView], description: 'Every event of the assignment, oldest first' })
  events!: AssignmentTimelineEntryView[];
}
