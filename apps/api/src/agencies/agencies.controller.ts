import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { AgenciesService } from './agencies.service';
import { AgencyView, AgencyWebhookView } from './dto/agency.views';
import { PutWebhookDto } from './dto/put-webhook.dto';

@ApiTags('agencies')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No bearer token, or an unknown or revoked one' })
@Controller('api/agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @ApiOkResponse({ type: [AgencyView], description: 'The registry of agencies' })
  list(): AgencyView[] {
    return this.agencies.list();
  }

  @Put(':code/webhook')
  @Roles('admin')
  @ApiOkResponse({ type: AgencyWebhookView, description: 'The agency\'s events now go to this URL' })
  @ApiNotFoundResponse({ description: 'No agency has this code' })
  putWebhook(@Param('code') code: string, @Body() dto: PutWebhookDto): Promise<AgencyWebhookView> {
    return this.agencies.putWebhook(code, dto.url);
  }

  @Delete(':code/webhook')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The agency\'s webhook is removed' })
  @ApiNotFoundResponse({ description: 'No agency has this code, or it has no webhook' })
  deleteWebhook(@Param('code') code: string): Promise<void> {
    return this.agencies.deleteWebhook(code);
  }
}
