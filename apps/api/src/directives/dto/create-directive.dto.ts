import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_SOURCE_TEXT_LENGTH, MAX_TIMER_OFFSET_MS } from '@app/domain';
import { TEXT_MAX, TextField } from '../../common/text-field';

const DIRECTIVE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ASSIGNMENT_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

export class AgencyRoleDto {
  @ApiProperty({ example: 'BTCTU', description: 'Agency code from GET /api/agencies' })
  @TextField(64)
  agency!: string;

  @ApiProperty({ enum: ['lead', 'coordinator'], description: 'chủ trì (lead) or phối hợp (coordinator); each agency of an eachOf is a lead of its own track' })
  @IsIn(['lead', 'coordinator'])
  role!: 'lead' | 'coordinator';
}

export class DeadlineDto {
  @ApiProperty({ enum: ['date', 'instant', 'calendarDays', 'workingDays'] })
  @IsIn(['date', 'instant', 'calendarDays', 'workingDays'])
  kind!: 'date' | 'instant' | 'calendarDays' | 'workingDays';

  @ApiPropertyOptional({ example: '2023-09-30', description: 'kind=date: end of that day, Asia/Ho_Chi_Minh' })
  @IsOptional()
  @IsISO8601({ strict: true })
  date?: string;

  @ApiPropertyOptional({ example: '2023-09-30T10:00:00.000Z', description: 'kind=instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ example: 45, description: 'kind=calendarDays or workingDays (Vietnamese working days)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  days?: number;
}

export class StageDeadlinesDto {
  @ApiPropertyOptional({ type: DeadlineDto, description: 'Acknowledge receipt by' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DeadlineDto)
  acknowledge?: DeadlineDto;

  @ApiPropertyOptional({ type: DeadlineDto, description: 'Submit the proposal by' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DeadlineDto)
  propose?: DeadlineDto;

  @ApiPropertyOptional({ type: DeadlineDto, description: 'Submit the report by (no later than the overall deadline)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DeadlineDto)
  report?: DeadlineDto;
}

export class AssignmentPlanDto {
  @ApiProperty({ example: 'A1', pattern: ASSIGNMENT_KEY.source, description: 'Key within the directive; the assignment id becomes <directiveId>-<key>' })
  @Matches(ASSIGNMENT_KEY, { message: 'key is 1 to 32 letters, digits, "_" or "-", starting with a letter or digit' })
  key!: string;

  @ApiProperty({ example: 'Nghiên cứu và đề xuất các chính sách thu hút cán bộ trẻ' })
  @TextField(TEXT_MAX)
  text!: string;

  @ApiPropertyOptional({ description: 'The source paragraph' })
  @TextField(TEXT_MAX, { optional: true })
  paragraph?: string;

  @ApiProperty({ enum: ['single', 'eachOf'] })
  @IsIn(['single', 'eachOf'])
  kind!: 'single' | 'eachOf';

  @ApiProperty({ type: [AgencyRoleDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AgencyRoleDto)
  agencies!: AgencyRoleDto[];

  @ApiProperty({ type: DeadlineDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DeadlineDto)
  deadline!: DeadlineDto;

  @ApiPropertyOptional({ default: false, description: 'The matter is believed to need a decision of the Centre' })
  @IsOptional()
  @IsBoolean()
  centralCompetence?: boolean;

  @ApiPropertyOptional({ type: StageDeadlinesDto, description: 'Milestones, none after the overall deadline and in order (acknowledge ≤ propose ≤ report); absent: the directive default' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => StageDeadlinesDto)
  stageDeadlines?: StageDeadlinesDto;
}

export class TimerPolicyDto {
  @ApiProperty({ type: [Number], example: [259200000, 86400000], description: 'Reminders this many ms before the due date' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_TIMER_OFFSET_MS, { each: true })
  remindBeforeMs!: number[];

  @ApiProperty({ type: [Number], example: [86400000, 259200000, 604800000], description: 'Escalation levels 1–3 this many ms after the due date' })
  @IsArray()
  @ArrayMinSize(3)
  @ArrayMaxSize(3)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_TIMER_OFFSET_MS, { each: true })
  ladderAfterMs!: [number, number, number];
}

export class CreateDirectiveDto {
  @ApiProperty({ example: 'TB-2023-03-22', pattern: DIRECTIVE_ID.source, description: 'Stable id chosen by the supervisor; creating it twice creates nothing new' })
  @IsDefined({ message: 'id is required' })
  @Matches(DIRECTIVE_ID, { message: 'id is 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit' })
  id!: string;

  @ApiProperty({ example: 'Thông báo kết luận Hội nghị ngày 22/3/2023' })
  @TextField(500)
  title!: string;

  @ApiPropertyOptional({ example: '123-TB/TU' })
  @TextField(64, { optional: true })
  number?: string;

  @ApiPropertyOptional({ example: 'BTVTU', description: 'Issuing body: an agency code from GET /api/agencies (400 UNKNOWN_AGENCY otherwise)' })
  @TextField(64, { optional: true })
  issuingBody?: string;

  @ApiPropertyOptional({ example: '2023-03-22' })
  @IsOptional()
  @IsISO8601({ strict: true })
  issuedOn?: string;

  @ApiPropertyOptional({ description: 'The notice text the assignments came from' })
  @TextField(MAX_SOURCE_TEXT_LENGTH, { optional: true })
  sourceText?: string;

  @ApiPropertyOptional({ example: 30, description: "The monitor's compiled-report cadence in days" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(366)
  reportingCadenceDays?: number;

  @ApiPropertyOptional({ type: TimerPolicyDto, description: 'Reminders and escalation ladder (defaults: 3 and 1 days before; 1, 3, 7 days after)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TimerPolicyDto)
  timerPolicy?: TimerPolicyDto;

  @ApiPropertyOptional({
    type: StageDeadlinesDto,
    example: { acknowledge: { kind: 'workingDays', days: 3 }, propose: { kind: 'workingDays', days: 15 } },
    description: 'Stage deadlines (workingDays or calendarDays) for assignments without their own; a stage after an assignment\'s deadline is left out. Absent: none',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => StageDeadlinesDto)
  defaultStageDeadlines?: StageDeadlinesDto;

  @ApiProperty({ type: [AssignmentPlanDto], minItems: 1 })
  @IsArray()
  // None would take the directive's id for nothing: it could not be created again with its assignments.
  @ArrayMinSize(1, { message: 'assignments must hold at least one assignment' })
  @ArrayMaxSize(20_000)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AssignmentPlanDto)
  assignments!: AssignmentPlanDto[];
}
