import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CoreModule, type ApiConfig } from './core/core.module';
import { DirectivesModule } from './directives/directives.module';
import { HealthModule } from './health/health.module';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel, autoLogging: config.logLevel === 'debug' || config.logLevel === 'trace' } }),
        CoreModule.forRoot(config),
        HealthModule,
        DirectivesModule,
      ],
    };
  }
}
