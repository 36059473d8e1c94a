import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { HealthIndicators } from './health.indicators';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicators,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOkResponse({ description: 'Temporal and PostgreSQL are reachable' })
  @ApiServiceUnavailableResponse({ description: 'Temporal or PostgreSQL is down' })
  check() {
    return this.health.check([() => this.indicators.postgres(), () => this.indicators.temporal()]);
  }
}
