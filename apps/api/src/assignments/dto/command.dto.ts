import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsIn, IsISO8601 } from 'class-validator';
import { IsCentralBodyName } from '../../common/central-body.validator';
import { TEXT_MAX, TextField } from '../../common/text-field';
import { VietnamDayEnd } from '../../common/vietnam-day';

export class EmptyCommandDto {}

export class ResearchDto {
  @ApiProperty({ example: 'Đã khảo sát ý kiến 13 huyện, thành, thị' })
  @TextField(TEXT_MAX)
  note!: string;
}

export class ProposeDto {
  @ApiProperty({ example: 'Đề xuất cơ chế hỗ trợ người hoạt động không chuyên trách cấp xã' })
  @TextField(TEXT_MAX)
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
  @TextField(TEXT_MAX, { optional: true })
  comment?: string;
}

export class EscalateDto {
  @ApiProperty({ example: 'Ban Bí thư Trung ương Đảng', description: 'The central body, as written; not a body of the province (400)' })
  @TextField(500)
  @IsCentralBodyName()
  centralBody!: string;

  @ApiProperty({ example: 'Kiến nghị chế độ phụ cấp cho người hoạt động không chuyên trách' })
  @TextField(TEXT_MAX)
  summary!: string;
}

export class CentreResponseDto {
  @ApiProperty({ example: 'Trung ương đồng ý giao Chính phủ nghiên cứu' })
  @TextField(TEXT_MAX)
  response!: string;
}

export class ReportDto {
  @ApiProperty({ example: 'Đã ban hành Nghị quyết về chính sách thu hút cán bộ trẻ' })
  @TextField(TEXT_MAX)
  summary!: string;
}

export class ConfirmDto {
  @ApiPropertyOptional()
  @TextField(TEXT_MAX, { optional: true })
  comment?: string;
}

export class RejectDto {
  @ApiProperty({ example: 'Báo cáo chưa nêu kết quả cụ thể' })
  @TextField(TEXT_MAX)
  comment!: string;
}

export class ExtensionDto {
  @ApiProperty({ example: 'Chờ ý kiến của các huyện' })
  @TextField(TEXT_MAX)
  reason!: string;

  @ApiProperty({ example: '2023-12-31', description: 'The requested new deadline: an ISO 8601 instant, or a date meaning the end of that day in Vietnam' })
  @VietnamDayEnd()
  @IsDefined({ message: '$property is required' })
  @IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 instant (2025-06-30T17:00:00+07:00) or a date (2025-06-30)' })
  newDueAt!: string;
}

export class ExtensionDecisionDto {
  @ApiProperty({ enum: ['approve', 'deny'] })
  @IsIn(['approve', 'deny'])
  decision!: 'approve' | 'deny';

  @ApiPropertyOptional()
  @TextField(TEXT_MAX, { optional: true })
  comment?: string;
}

export class WithdrawExtensionRequestDto {
  @ApiPropertyOptional({ example: 'Đề nghị nhầm ngày; sẽ gửi lại đề nghị khác' })
  @TextField(TEXT_MAX, { optional: true })
  reason?: string;
}

export class WithdrawDto {
  @ApiProperty({ example: 'Nội dung đã được giải quyết theo văn bản khác' })
  @TextField(TEXT_MAX)
  reason!: string;
}
