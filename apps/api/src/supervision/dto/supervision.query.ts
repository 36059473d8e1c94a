import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class EscalationsQuery {
  @ApiPropertyOptional({ description: 'Directive id' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  directive?: string;

  @ApiPropertyOptional({ description: 'Agency code; agencies always see only their own' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  agency?: string;

  @ApiPropertyOptional({ description: 'Entries at or after this instant (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class StatusReportQuery {
  @ApiPropertyOptional({ description: 'Directive id; all directives when absent' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  directive?: string;
}

export class InboxQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  after?: string;
}
