import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AgencyAssignmentView, AssignmentView, StatusCountsView } from '../../assignments/dto/assignment.views';

/*
 * What the directive endpoints answer, for the OpenAPI document only: the read models' DirectiveSummary, the
 * workflow's DirectiveWorkflowState and the import's plan.
 */

export class DirectiveWithdrawalView {
  @ApiProperty()
  reason!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

/** The monitor's latest compiled progress report. */
export class CompiledReportView {
  @ApiProperty({ format: 'date-time' })
  periodEnd!: string;

  @ApiProperty({ type: StatusCountsView, description: 'Singles and tracks by status (an "each of" parent counts as its tracks)' })
  counts!: StatusCountsView;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

/** A directive as listed (GET /api/directives). */
export class DirectiveSummaryView {
  @ApiProperty({ example: 'TB-2023-03-22' })
  directiveId!: string;

  @ApiProperty({ example: 'Thông báo kết luận Hội nghị ngày 22/3/2023' })
  title!: string;

  @ApiProperty({ type: String, nullable: true, example: '123-TB/TU' })
  number!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'BTVTU', description: 'The same as issuingBody, kept for existing clients' })
  issuer!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'BTVTU', description: 'The issuing body (agency code)' })
  issuingBody!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2023-03-22' })
  issuedOn!: string | null;

  @ApiProperty({ example: 'VPTU', description: 'The agency that monitors the directive and compiles its reports' })
  monitoringAgency!: string;

  @ApiProperty({ example: 12, description: 'Assignments as the notice lists them (an "each of" counts once)' })
  assignmentCount!: number;

  @ApiProperty()
  withdrawn!: boolean;

  @ApiProperty({ type: DirectiveWithdrawalView, nullable: true })
  withdrawal!: DirectiveWithdrawalView | null;

  @ApiProperty({ example: 0, description: 'Compiled progress reports produced so far' })
  reportCount!: number;

  @ApiProperty({ type: CompiledReportView, nullable: true })
  lastReport!: CompiledReportView | null;

  @ApiProperty({ example: 1, description: "The directive stream's version" })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

/** A directive with its notice and assignments (GET /api/directives/{id}). */
export class DirectiveView extends DirectiveSummaryView {
  @ApiProperty({ type: String, nullable: true, description: 'The notice text it was created from, NFC (null when created as JSON without it)' })
  sourceText!: string | null;

  @ApiProperty({
    type: [AssignmentView],
    description: 'Its assignments ("each of" parents, not their tracks), by deadline in force; for an agency token only those naming it, an "each of" one at its own track\'s stage and clock',
  })
  assignments!: AssignmentView[];
}

/** A directive's creation: what the workflow answers (or, for a repeat of a stored one, the projection). */
export class DirectiveCreationView {
  @ApiProperty({ example: 'TB-2023-03-22' })
  directiveId!: string;

  @ApiProperty({ description: 'true: this request created the directive (201); false: a repeat, nothing new (200)' })
  created!: boolean;

  @ApiProperty({ example: 1, description: "The directive stream's version" })
  version!: number;

  @ApiProperty({ type: [String], example: ['TB-2023-03-22-A1', 'TB-2023-03-22-A2'], description: 'The ids of its assignments (<directiveId>-<key>)' })
  assignmentIds!: string[];
}

/** A deadline as a plan states it (the domain's DeadlineSpec). */
export class DeadlineSpecView {
  @ApiProperty({ enum: ['date', 'instant', 'calendarDays', 'workingDays'] })
  kind!: 'date' | 'instant' | 'calendarDays' | 'workingDays';

  @ApiPropertyOptional({ format: 'date', example: '2023-09-30', description: 'kind=date: end of that day in Vietnam' })
  date?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'kind=instant' })
  at?: string;

  @ApiPropertyOptional({ example: 45, description: 'kind=calendarDays or workingDays' })
  days?: number;
}

export class StageDeadlineSpecsView {
  @ApiPropertyOptional({ type: DeadlineSpecView })
  acknowledge?: DeadlineSpecView;

  @ApiPropertyOptional({ type: DeadlineSpecView })
  propose?: DeadlineSpecView;

  @ApiPropertyOptional({ type: DeadlineSpecView })
  report?: DeadlineSpecView;
}

/** One assignment the import would create (the domain's AssignmentPlan). */
export class AssignmentPlanView {
  @ApiProperty({ example: 'a1b2c3d4e5f6-A1', description: 'The assignment id: <directiveId>-<key>' })
  id!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The item as the notice words it' })
  paragraph!: string | null;

  @ApiProperty()
  text!: string;

  @ApiProperty({ enum: ['single', 'eachOf'] })
  kind!: 'single' | 'eachOf';

  @ApiProperty({ type: [AgencyAssignmentView], description: 'An "each of" lists each agency as a lead of its own track' })
  agencies!: AgencyAssignmentView[];

  @ApiProperty({ type: DeadlineSpecView, description: 'As the notice states it, or the default when it states none' })
  deadline!: DeadlineSpecView;

  @ApiProperty({ description: 'The notice puts the matter beyond the province\'s competence' })
  centralCompetence!: boolean;

  @ApiPropertyOptional({ type: StageDeadlineSpecsView, description: 'Its own milestones; absent: the directive default' })
  stageDeadlines?: StageDeadlineSpecsView;
}

/** The directive an import would create, as read from the notice. */
export class ImportedDirectiveView {
  @ApiProperty()
  title!: string;

  @ApiProperty({ type: String, nullable: true, example: '123-TB/TU' })
  number!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'BTVTU' })
  issuingBody!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2023-03-22' })
  issuedOn!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The notice text, NFC' })
  sourceText!: string | null;

  @ApiPropertyOptional({ example: 'VPTU' })
  monitoringAgency?: string;

  @ApiProperty({ type: [AssignmentPlanView], description: 'Section 3 of the notice, item by item' })
  assignments!: AssignmentPlanView[];

  @ApiPropertyOptional({ type: StageDeadlineSpecsView, description: 'Milestones (working days) for every item: acknowledge, propose' })
  defaultStageDeadlines?: StageDeadlineSpecsView;
}

/** Something the import read in a way worth checking. */
export class ImportWarningView {
  @ApiProperty({ example: 'DEADLINE_ON_DAY_OFF', description: 'Stable code (UNKNOWN_AGENCY, VAGUE_ADDRESSEE, MULTIPLE_DEADLINES, HOLIDAYS_NOT_KNOWN, SIMILAR_DIRECTIVE_EXISTS on a dry run, MONITOR_KEPT, …)' })
  code!: string;

  @ApiProperty()
  message!: string;

  @ApiPropertyOptional({ description: 'The text concerned, as written (NFC)' })
  text?: string;

  @ApiPropertyOptional({ type: [Number], minItems: 2, maxItems: 2, example: [812, 860], description: 'Where `text` is in the notice: [start, end)' })
  span?: [number, number];

  @ApiPropertyOptional({ example: 'A3', description: 'The item concerned' })
  assignmentKey?: string;
}

/** A notice import's answer: a dry run's preview, or the preview with the directive's state. */
export class NoticeImportView {
  @ApiProperty({ description: 'true: nothing was stored' })
  dryRun!: boolean;

  @ApiProperty({ example: 'a1b2c3d4e5f6', description: "The notice's fingerprint: importing it again names the same directive" })
  directiveId!: string;

  @ApiProperty({ description: 'This notice was imported before (nothing new is created)' })
  alreadyImported!: boolean;

  @ApiProperty({ type: [ImportWarningView] })
  warnings!: ImportWarningView[];

  @ApiProperty({ type: ImportedDirectiveView })
  directive!: ImportedDirectiveView;

  @ApiPropertyOptional({ type: DirectiveCreationView, description: 'Absent on a dry run; `created: false` for a notice imported before' })
  state?: DirectiveCreationView;
}
