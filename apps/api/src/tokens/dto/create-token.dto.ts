import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { TextField } from '../../common/text-field';
import { ROLES, type Role } from '../../auth/principal';

export class CreateTokenDto {
  @ApiProperty({ enum: ROLES, example: 'agency' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ example: 'UBND', description: 'Registry code of the agency; required for, and only for, role "agency"' })
  @TextField(64, { optional: true })
  agency?: string;

  @ApiPropertyOptional({ example: 'Văn phòng UBND tỉnh: cổng tích hợp' })
  @TextField(200, { optional: true })
  label?: string;
}
