import { ApiProperty } from '@nestjs/swagger';
import { IsUrl, MaxLength } from 'class-validator';

export class PutWebhookDto {
  @ApiProperty({ example: 'https://ubnd.hatinh.gov.vn/dondoc-hook', maxLength: 2000, description: 'http(s) URL that receives the agency\'s events, signed with HMAC-SHA256' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url!: string;
}
