import { Module } from '@nestjs/common';
import type { Sql } from '@app/event-store';
import { AgencyWebhookRepository } from '@app/read-models';
import { SQL } from '../core/tokens';
import { AgenciesController } from './agencies.controller';
import { AgenciesService } from './agencies.service';

@Module({
  controllers: [AgenciesController],
  // The worker's repository of the same table: one writer of agency_webhooks, one shape of a webhook.
  providers: [AgenciesService, { provide: AgencyWebhookRepository, inject: [SQL], useFactory: (sql: Sql) => new AgencyWebhookRepository(sql) }],
})
export class AgenciesModule {}
