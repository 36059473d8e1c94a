import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { BooleanQuery } from '../../common/boolean-query';

export class GetAssignmentQuery {
  @ApiPropertyOptional({ description: 'true: ask the workflow instead of the projection' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  consistent?: boolean;
}
