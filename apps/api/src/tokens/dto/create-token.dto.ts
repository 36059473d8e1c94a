import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ROLES, type Role } from '../../auth/principal';

export class CreateTokenDto {
  @ApiProperty({ enum: ROLES, example: 'agency' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ example: 'UBND', minLength: 1, maxLength: 64, description: 'Registry code of the agency; required for, and only for, role "agency"' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  agency?: string;

  @ApiPropertyOptional({ example: 'Văn phòng UBND tỉnh: cổng tích hợp', minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  label?: string;
}
