import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { BooleanQuery } from '../../common/boolean-query';

export class ImportNoticeQuery {
  @ApiPropertyOptional({ description: 'true: answer what would be created and store nothing (anything but true or false is refused)' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  dryRun?: boolean;
}
