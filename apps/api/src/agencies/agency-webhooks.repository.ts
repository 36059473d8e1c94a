import { Inject, Injectable } from '@nestjs/common';
import type { Sql } from '@app/event-store';
import { SQL } from '../core/tokens';

/** The agency_webhooks table (agency, url, secret, created_at, updated_at; migrations 002, 004): where each agency's events go. */
@Injectable()
export class AgencyWebhooksRepository {
  constructor(@Inject(SQL) private readonly sql: Sql) {}

  async put(agency: string, url: string, secret: string): Promise<void> {
    await this.sql`
      insert into agency_webhooks (agency, url, secret, created_at) values (${agency}, ${url}, ${secret}, now())
      on conflict (agency) do update set url = excluded.url, secret = excluded.secret, updated_at = now()`;
  }

  /** True when there was one to delete. */
  async delete(agency: string): Promise<boolean> {
    const rows = await this.sql`delete from agency_webhooks where agency = ${agency} returning agency`;
    return rows.length > 0;
  }
}
