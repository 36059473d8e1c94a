import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';

export class CreateDirectiveDto {
  @ApiProperty({ example: 'TB-2023-03-22', description: 'Stable id chosen by the supervisor; creating it twice creates nothing new' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
  id!: string;

  @ApiProperty({ example: 'Thông báo kết luận Hội nghị ngày 22/3/2023' })
  @IsString()
  @Length(1, 500)
  title!: string;

  @ApiPropertyOptional({ example: '123-TB/TU' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  number?: string;

  @ApiPropertyOptional({ example: 'BTVTU' })
  @IsOptional()
  @IsString()
  issuer?: string;

  @ApiPropertyOptional({ example: '2023-03-22' })
  @IsOptional()
  @IsISO8601({ strict: true })
  issuedOn?: string;
}
