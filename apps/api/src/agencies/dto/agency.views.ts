import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AgencyKind, AgencyLevel, GroupMode } from '@app/agencies';

export class AgencyView {
  @ApiProperty({ example: 'UBND' })
  code!: string;

  @ApiProperty({ example: 'Ủy ban nhân dân tỉnh' })
  name!: string;

  @ApiProperty({ type: [String], example: ['UBND tỉnh'] })
  shortNames!: string[];

  @ApiProperty({ type: String, nullable: true, description: 'Code of the body directly above, for escalation' })
  parent!: string | null;

  @ApiProperty({ enum: ['central', 'provincial', 'district'] })
  level!: AgencyLevel;

  @ApiProperty({ enum: ['party', 'state', 'front'] })
  kind!: AgencyKind;

  @ApiPropertyOptional({ type: [String], description: 'Groups only: the member codes' })
  members?: string[];

  @ApiPropertyOptional({ enum: ['joint', 'each'], description: 'Groups only: one addressee, or each member separately' })
  groupMode?: GroupMode;
}

export class AgencyWebhookView {
  @ApiProperty({ example: 'UBND' })
  agency!: string;

  @ApiProperty({ example: 'https://ubnd.hatinh.gov.vn/dondoc-hook' })
  url!: string;

  @ApiProperty({
    example: 'whsec_3q2+7w…',
    description: "The agency's own HMAC-SHA256 key for x-dondoc-signature, new with every PUT and shown only in this answer: give it to the agency",
  })
  secret!: string;
}
