import { Injectable } from '@nestjs/common';
import { AGENCIES, findAgency, type Agency } from '@app/agencies';
import { notFound } from '../errors/api-error';
import { AgencyWebhooksRepository } from './agency-webhooks.repository';
import type { AgencyView, AgencyWebhookView } from './dto/agency.views';

@Injectable()
export class AgenciesService {
  constructor(private readonly webhooks: AgencyWebhooksRepository) {}

  list(): AgencyView[] {
    return AGENCIES.map(toView);
  }

  async putWebhook(code: string, url: string): Promise<AgencyWebhookView> {
    if (!findAgency(code)) throw notFound('Agency', code);
    await this.webhooks.put(code, url);
    return { agency: code, url };
  }

  async deleteWebhook(code: string): Promise<void> {
    if (!findAgency(code)) throw notFound('Agency', code);
    if (!(await this.webhooks.delete(code))) throw notFound('Webhook of agency', code);
  }
}

function toView(agency: Agency): AgencyView {
  return {
    code: agency.code,
    name: agency.name,
    shortNames: [...agency.shortNames],
    parent: agency.parent ?? null,
    level: agency.level,
    kind: agency.kind,
    ...(agency.members ? { members: [...agency.members], groupMode: agency.groupMode } : {}),
  };
}
