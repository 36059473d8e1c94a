import { ApiPropertyOptional } from '@nestjs/swagger';
import { BooleanQuery } from '../../common/boolean-query';
import { IsIsoInstantOrDate } from '../../common/iso-time.validator';
import { VietnamDayStart } from '../../common/vietnam-day';
import { LimitQuery } from '../../common/limit.query';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { TextField } from '../../common/text-field';
import { ASSIGNMENT_STAGES, ASSIGNMENT_STATUSES, type AssignmentStage, type AssignmentStatus } from '@app/domain';

export class ListAssignmentsQuery extends LimitQuery {
  @ApiPropertyOptional({ description: 'Directive id' })
  @TextField(200, { optional: true })
  directive?: string;

  @ApiPropertyOptional({ description: 'Agency code (lead, coordinator or track), from the registry (400 UNKNOWN_AGENCY); an agency token sees only its own (naming another: 403 FORBIDDEN)' })
  @TextField(64, { optional: true })
  agency?: string;

  @ApiPropertyOptional({ enum: ASSIGNMENT_STAGES, description: 'Listed for one agency, an "each of" assignment by that agency\'s track\'s stage, which it shows' })
  @IsOptional()
  @IsIn(ASSIGNMENT_STAGES as string[])
  stage?: AssignmentStage;

  @ApiPropertyOptional({ enum: ASSIGNMENT_STATUSES, description: 'The status now; listed for one agency, an "each of" assignment by that agency\'s track\'s, which it shows' })
  @IsOptional()
  @IsIn(ASSIGNMENT_STATUSES as string[])
  status?: AssignmentStatus;

  @ApiPropertyOptional({ description: 'true: in progress and past the deadline in force' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'true: an extension request awaits the supervisor\'s decision (an agency: on its own part); false: none' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  pendingExtension?: boolean;

  @ApiPropertyOptional({ description: 'true: awaiting the Office\'s decision (a proposal to review, a report to confirm, an extension request); false: none of these' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  awaitingDecision?: boolean;

  @ApiPropertyOptional({ description: 'false: leave out the agencies\' tracks of "each of" assignments (their parents stay)' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  tracks?: boolean;

  @ApiPropertyOptional({ description: 'Deadline in force before this instant (ISO 8601); a date alone means 00:00 of that day in Vietnam (UTC+7)' })
  @IsOptional()
  @VietnamDayStart()
  @IsIsoInstantOrDate()
  dueBefore?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @TextField(500, { optional: true })
  cursor?: string;
}
