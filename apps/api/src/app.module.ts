import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { withoutCredentials } from './core/request-log';
import { AgenciesModule } from './agencies/agencies.module';
import { AssignmentsModule } from './assignments/assignments.module';
import { AuthModule } from './auth/auth.module';
import { CoreModule, type ApiConfig } from './core/core.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DirectivesModule } from './directives/directives.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { ThrottlingModule } from './throttling/throttling.module';
import { SupervisionModule } from './supervision/supervision.module';
import { TokensModule } from './tokens/tokens.module';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: { level: config.logLevel, autoLogging: config.logLevel === 'debug' || config.logLevel === 'trace', serializers: { req: withoutCredentials } },
        }),
        CoreModule.forRoot(config),
        ThrottlingModule,
        AuthModule,
        IdempotencyModule,
        HealthModule,
        TokensModule,
        AgenciesModule,
        EventsModule,
        DirectivesModule,
        AssignmentsModule,
        SupervisionModule,
        DashboardModule,
      ],
    };
  }
}
