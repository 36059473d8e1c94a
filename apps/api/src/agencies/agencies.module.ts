import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies.controller';
import { AgenciesService } from './agencies.service';
import { AgencyWebhooksRepository } from './agency-webhooks.repository';

@Module({ controllers: [AgenciesController], providers: [AgenciesService, AgencyWebhooksRepository] })
export class AgenciesModule {}
