import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../auth/principal';

/** A token as listed: no secret. */
export class ApiTokenView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ type: String, nullable: true, example: 'UBND' })
  agency!: string | null;

  @ApiProperty({ type: String, nullable: true })
  label!: string | null;

  @ApiProperty({ description: 'The DONDOC_ADMIN_TOKEN admin token, which cannot be revoked through the API' })
  bootstrap!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;
}

/** A token just created: the only time its secret is shown. */
export class CreatedTokenView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ type: String, nullable: true })
  agency!: string | null;

  @ApiProperty({ type: String, nullable: true })
  label!: string | null;

  @ApiProperty({ example: 'ddc_…', description: 'The bearer token; shown once, stored only as a hash' })
  token!: string;
}

/** Who the presented token speaks for. */
export class PrincipalView {
  @ApiProperty({ format: 'uuid' })
  tokenId!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ type: String, nullable: true, example: 'BTCTU', description: 'The agency an agency token speaks for; null for the other roles' })
  agency!: string | null;
}
