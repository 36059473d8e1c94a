import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { NoParametersQuery } from '../common/no-parameters.query';
import { ErrorBodyView } from '../errors/dto/error-body.view';
import { PrincipalView } from './dto/token.views';

@ApiTags('tokens')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyView, description: 'No bearer token, or an unknown or revoked one' })
@ApiTooManyRequestsResponse({ type: ErrorBodyView, description: 'Over the rate limit (RATE_LIMITED), with Retry-After' })
@ApiServiceUnavailableResponse({ type: ErrorBodyView, description: 'PostgreSQL is down or did not answer in time (SERVICE_UNAVAILABLE), with Retry-After' })
@Controller('api/me')
export class MeController {
  @Get()
  @ApiOperation({ summary: "The caller's role and, for an agency token, its agency" })
  @ApiOkResponse({ type: PrincipalView })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'Any query parameter: it takes none (VALIDATION_FAILED)' })
  me(@CurrentPrincipal() principal: Principal, @Query() _query: NoParametersQuery): PrincipalView {
    return { tokenId: principal.tokenId, role: principal.role, agency: principal.agency };
  }
}
