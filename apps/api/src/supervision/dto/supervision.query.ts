import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIsoInstantOrDate } from '../../common/iso-time.validator';
import { VietnamDayStart } from '../../common/vietnam-day';
import { LimitQuery } from '../../common/limit.query';
import { IsOptional } from 'class-validator';
import { TextField } from '../../common/text-field';

export class EscalationsQuery extends LimitQuery {
  @ApiPropertyOptional({ description: 'Directive id' })
  @TextField(200, { optional: true })
  directive?: string;

  @ApiPropertyOptional({ description: 'Agency code, from the registry (400 UNKNOWN_AGENCY); an agency token sees only its own (naming another: 403 FORBIDDEN)' })
  @TextField(64, { optional: true })
  agency?: string;

  @ApiPropertyOptional({ description: 'Entries at or after this instant (ISO 8601); a date alone means 00:00 of that day in Vietnam (UTC+7)' })
  @IsOptional()
  @VietnamDayStart()
  @IsIsoInstantOrDate()
  since?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page: older entries' })
  @TextField(500, { optional: true })
  after?: string;
}

export class StatusReportQuery {
  @ApiPropertyOptional({ description: 'Directive id; all directives when absent' })
  @TextField(200, { optional: true })
  directive?: string;
}

export class InboxQuery extends LimitQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @TextField(500, { optional: true })
  after?: string;
}
