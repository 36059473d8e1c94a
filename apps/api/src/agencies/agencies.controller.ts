import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
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
import { AgenciesService } from './agencies.service';
import { AgencyView, AgencyWebhookView } from './dto/agency.views';
import { PutWebhookDto } from './dto/put-webhook.dto';

@ApiTags('agencies')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyView, description: 'No bearer token, or an unknown or revoked one' })
@ApiTooManyRequestsResponse({ type: ErrorBodyView, description: 'Over the rate limit (RATE_LIMITED), with Retry-After' })
@ApiServiceUnavailableResponse({ type: ErrorBodyView, description: 'PostgreSQL is down or did not answer in time (SERVICE_UNAVAILABLE), with Retry-After' })
@Controller('api/agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @ApiOkResponse({ type: [AgencyView], description: 'The registry of agencies' })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'Any query parameter: it takes none (VALIDATION_FAILED)' })
  list(@Query() _query: NoParametersQuery): AgencyView[] {
    return this.agencies.list();
  }

  @Put(':code/webhook')
  @ApiOkResponse({ type: AgencyWebhookView, description: 'The agency\'s events now go to this URL' })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'A malformed body or URL, or an agency never given work: a central body, a group whose members each get their own part (VALIDATION_FAILED)' })
  @ApiForbiddenResponse({ type: ErrorBodyView, description: 'Any other role: FORBIDDEN' })
  @ApiNotFoundResponse({ type: ErrorBodyView, description: 'No agency has this code' })
  // Below the response decorators: applied before them, its untyped 403 gains their error body instead of replacing it.
  @Roles('admin')
  putWebhook(@Param('code') code: string, @Body() dto: PutWebhookDto): Promise<AgencyWebhookView> {
    return this.agencies.putWebhook(code, dto.url);
  }

  @Delete(':code/webhook')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The agency\'s webhook is removed' })
  @ApiForbiddenResponse({ type: ErrorBodyView, description: 'Any other role: FORBIDDEN' })
  @ApiNotFoundResponse({ type: ErrorBodyView, description: 'No agency has this code, or it has no webhook' })
  @Roles('admin')
  deleteWebhook(@Param('code') code: string): Promise<void> {
    return this.agencies.deleteWebhook(code);
  }
}
