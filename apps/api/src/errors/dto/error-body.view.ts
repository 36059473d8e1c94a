import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorBody } from '../error-body';

/** The one error shape every endpoint answers with (documentation of ErrorBody). */
export class ErrorBodyView implements ErrorBody {
  @ApiProperty({ example: 404, description: 'The HTTP status, repeated' })
  statusCode!: number;

  @ApiProperty({ example: 'NOT_FOUND', description: 'Stable code to branch on (VALIDATION_FAILED, UNAUTHENTICATED, FORBIDDEN, NOT_PERMITTED, NOT_FOUND, INVALID_TRANSITION, …)' })
  code!: string;

  @ApiProperty({ example: 'Assignment TB-2023-03-22-A1 was not found', description: 'For people; may change between releases' })
  message!: string;

  @ApiPropertyOptional({
    description: 'What more the code carries: the field concerned (`{ field }`, and `fields` when a request fails on several), the other directive holding an id, the health check per dependency…',
    type: 'object',
    additionalProperties: true,
  })
  details?: unknown;
}
