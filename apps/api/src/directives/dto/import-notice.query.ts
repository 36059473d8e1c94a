import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { BooleanQuery } from '../../common/boolean-query';

export class ImportNoticeQuery {
  @ApiPropertyOptional({ description: 'true: answer what would be created and store nothing (anything but true or false is refused)' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({
    description:
      'true: this is another notice of an issuer and day that already have an active directive, to be imported beside it (without it such an import is 409 SIMILAR_DIRECTIVE_EXISTS; anything but true or false is refused)',
  })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  allowSimilar?: boolean;
}
