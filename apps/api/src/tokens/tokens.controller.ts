import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { NoParametersQuery } from '../common/no-parameters.query';
import { CreateTokenDto } from './dto/create-token.dto';
import { ApiTokenView, CreatedTokenView } from './dto/token.views';
import { TokensService } from './tokens.service';

@ApiTags('tokens')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No bearer token, or an unknown or revoked one' })
@Roles('admin')
@Controller('api/tokens')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CreatedTokenView, description: 'The token, shown this once' })
  @ApiBadRequestResponse({ description: 'Invalid role, missing or unexpected agency, or unknown agency code (UNKNOWN_AGENCY)' })
  create(@Body() dto: CreateTokenDto): Promise<CreatedTokenView> {
    return this.tokens.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: [ApiTokenView], description: 'Every token, revoked ones included, without secrets' })
  list(@Query() _query: NoParametersQuery): Promise<ApiTokenView[]> {
    return this.tokens.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked (revoking twice is fine)' })
  @ApiNotFoundResponse({ description: 'No token has this id' })
  @ApiConflictResponse({ description: 'The DONDOC_ADMIN_TOKEN token cannot be revoked here (TOKEN_NOT_REVOCABLE), nor the last live admin token (LAST_ADMIN_TOKEN)' })
  revoke(@Param('id') id: string): Promise<void> {
    return this.tokens.revoke(id);
  }
}
