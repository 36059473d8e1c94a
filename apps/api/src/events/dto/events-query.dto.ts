import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

const LIMIT_MESSAGE = 'limit must be a whole number from 1 to 1000';

export class EventsQueryDto {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page; leave out to start from the first event' })
  @IsOptional()
  @IsString()
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: LIMIT_MESSAGE })
  @Min(1, { message: LIMIT_MESSAGE })
  @Max(1000, { message: LIMIT_MESSAGE })
  limit?: number;
}

export class EventStreamQueryDto {
  @ApiPropertyOptional({ description: "Start past this cursor, or 'latest' for only the events from now on (the Last-Event-ID header wins when both are sent)" })
  @IsOptional()
  @IsString()
  after?: string;

  // Read by the auth guard (see @AllowQueryToken); declared so that validation lets it through.
  @IsOptional()
  @IsString()
  access_token?: string;
}
