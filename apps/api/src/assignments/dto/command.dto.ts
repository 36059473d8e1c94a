import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';

const TEXT = { min: 1, max: 20_000 };

export class EmptyCommandDto {}

export class ResearchDto {
  @ApiProperty({ example: 'Đã khảo sát ý kiến 13 huyện, thành, thị' })
  @IsString()
  @Length(TEXT.min, TEXT.max)
  note!: string;
}

export class ProposeDto {
  @ApiProperty({ example: 'Đề xuất cơ chế hỗ trợ người hoạt động không chuyên trách cấp xã' })
  @IsString()
  @Length(TEXT.min, TEXT.max)
  summary!: string;

  @ApiProperty({ description: 'The matter is beyond provincial competence and must go to the Centre' })
  @IsBoolean()
  beyondProvincialCompetence!: boolean;
}

export class ReviewDto {
  @ApiProperty({ enum: ['accept', 'return'] })
  @IsIn(['accept', 'return'])
  decision!: 'accept' | 'return';

  @ApiPropertyOptional({ description: 'Required when returning the proposal' })
  @IsOptional()
  @IsString()
  @Length(TEXT.min, TEXT.max)
  comment?: string;
}

export class EscalateDto {
  @ApiProperty({ example: 'Ban Bí thư Trung ương Đảng' })
  @IsString()
  @Length(1, 500)
  centralBody!: string;

  @ApiProperty({ example: 'Kiến nghị chế độ phụ cấp cho người hoạt động không chuyên trách' })
  @IsString()
  @Length(TEXT.min, TEXT.max)
  summary!: string;
}

export class CentreResponseDto {
  @ApiProperty({ example: 'Trung ương đồng ý giao Chính phủ nghiên cứu' })
  @IsString()
  @Length(TEXT.min, TEXT.max)
  response!: string;
}

export class ReportDto {
  @ApiProperty({ example: 'Đã ban hành Nghị quyết về chính sách thu hút cán bộ trẻ' })
  @IsString()
  @Length(TEXT.min, TEXT.max)
  summary!: string;
}

export class ConfirmDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(TEXT.min, TEXT.max)
  comment?: string;
}

export class RejectDto {
  @ApiProperty({ example: 'Báo cáo chưa nêu kết quả cụ thể' })
  @IsString()
  @Length(TEXT.min, TEXT.max)
  comment!: string;
}

export class ExtensionDto {
  @ApiProperty({ example: 'Chờ ý kiến của các huyện' })
  @IsString()
  @Length(TEXT.min, TEXT.max)
  reason!: string;

  @ApiProperty({ example: '2023-12-31T10:00:00.000Z', description: 'The requested new deadline (ISO 8601 instant)' })
  @IsISO8601({ strict: true })
  newDueAt!: string;
}

export class ExtensionDecisionDto {
  @ApiProperty({ enum: ['approve', 'deny'] })
  @IsIn(['approve', 'deny'])
  decision!: 'approve' | 'deny';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(TEXT.min, TEXT.max)
  comment?: string;
}

export class WithdrawExtensionRequestDto {
  @ApiPropertyOptional({ example: 'Đề nghị nhầm ngày; sẽ gửi lại đề nghị khác' })
  @IsOptional()
  @IsString()
  @Length(TEXT.min, TEXT.max)
  reason?: string;
}

export class WithdrawDto {
  @ApiProperty({ example: 'Nội dung đã được giải quyết theo văn bản khác' })
  @IsString()
  @Length(TEXT.min, TEXT.max)
  reason!: string;
}
