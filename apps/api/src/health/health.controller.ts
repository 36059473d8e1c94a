import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { ErrorBodyView } from '../errors/dto/error-body.view';
import { HealthIndicators } from './health.indicators';

@ApiTags('health')
@ApiExtraModels(ErrorBodyView)
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicators,
  ) {}

  @Get()
  // Above @HealthCheck, which documents terminus's own report for the 503: ErrorsFilter answers it as the error body.
  @ApiServiceUnavailableResponse({ schema: { $ref: getSchemaPath(ErrorBodyView) }, description: "Temporal or PostgreSQL is down (SERVICE_UNAVAILABLE), each one's check under details" })
  @HealthCheck()
  @ApiOkResponse({ description: 'Temporal and PostgreSQL are reachable' })
  check() {
    return this.health.check([() => this.indicators.postgres(), () => this.indicators.temporal()]);
  }
}
