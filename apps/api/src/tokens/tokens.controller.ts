import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { NoParametersQuery } from '../common/no-parameters.query';
import { ErrorBodyView } from '../errors/dto/error-body.view';
import { CreateTokenDto } from './dto/create-token.dto';
import { ApiTokenView, CreatedTokenView } from './dto/token.views';
import { TokensService } from './tokens.service';

@ApiTags('tokens')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyView, description: 'No bearer token, or an unknown or revoked one' })
@ApiForbiddenResponse({ type: ErrorBodyView, description: 'Any other role: FORBIDDEN' })
@ApiTooManyRequestsResponse({ type: ErrorBodyView, description: 'Over the rate limit (RATE_LIMITED), with Retry-After' })
@ApiServiceUnavailableResponse({ type: ErrorBodyView, description: 'PostgreSQL is down or did not answer in time (SERVICE_UNAVAILABLE), with Retry-After' })
@Roles('admin')
@Controller('api/tokens')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CreatedTokenView, description: 'The token, shown this once' })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'Invalid role, missing or unexpected agency, or unknown agency code (UNKNOWN_AGENCY)' })
  create(@Body() dto: CreateTokenDto): Promise<CreatedTokenView> {
    return this.tokens.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: [ApiTokenView], description: 'Every token, revoked ones included, without secrets' })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'Any query parameter: it takes none (VALIDATION_FAILED)' })
  list(@Query() _query: NoParametersQuery): Promise<ApiTokenView[]> {
    return this.tokens.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked (revoking twice is fine)' })
  @ApiNotFoundResponse({ type: ErrorBodyView, description: 'No token has this id' })
  @ApiConflictResponse({ type: ErrorBodyView, description: 'The DONDOC_ADMIN_TOKEN token cannot be revoked here (TOKEN_NOT_REVOCABLE), nor the last live admin token (LAST_ADMIN_TOKEN)' })
  revoke(@Param('id') id: string): Promise<void> {
    return this.tokens.revoke(id);
  }
}
