import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AGENCIES, findAgency, type Agency } from '@app/agencies';
import { AgencyWebhookRepository } from '@app/read-models';
import { requireAssignable } from '../common/known-agency';
import { notFound } from '../errors/api-error';
import type { AgencyView, AgencyWebhookView } from './dto/agency.views';

@Injectable()
export class AgenciesService {
  constructor(private readonly webhooks: AgencyWebhookRepository) {}

  list(): AgencyView[] {
    return AGENCIES.map(toView);
  }

  /**
   * Sets the agency's webhook with a new signing secret of its own, answered this once: with one secret for all, any
   * agency able to check its own notifications could sign forged ones for another's webhook.
   */
  async putWebhook(code: string, url: string): Promise<AgencyWebhookView> {
    if (!findAgency(code)) throw notFound('Agency', code);
    requireAssignable(code, 'code');
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    await this.webhooks.set(code, url, secret);
    return { agency: code, url, secret };
  }

  async deleteWebhook(code: string): Promise<void> {
    if (!findAgency(code)) throw notFound('Agency', code);
    if (!(await this.webhooks.remove(code))) throw notFound('Webhook of agency', code);
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
