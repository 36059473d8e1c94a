import type { Sql } from '@app/event-store';
import { isoOf } from '../shared/sql';

export interface AgencyWebhook {
  readonly agency: string;
  readonly url: string;
  /** The agency's own signing key; null for a webhook set before agencies had one (DONDOC_WEBHOOK_SECRET signs). */
  readonly secret: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface WebhookRow {
  agency: string;
  url: string;
  secret: string | null;
  created_at: Date;
  updated_at: Date;
}

const toWebhook = (row: WebhookRow): AgencyWebhook => ({ agency: row.agency, url: row.url, secret: row.secret, createdAt: isoOf(row.created_at), updatedAt: isoOf(row.updated_at) });

/** Where each agency's notifications are posted. Configuration, not a projection: rebuilds leave it alone. */
export class AgencyWebhookRepository {
  constructor(private readonly sql: Sql) {}

  async get(agency: string): Promise<AgencyWebhook | undefined> {
    const rows = await this.sql<WebhookRow[]>`select agency, url, secret, created_at, updated_at from agency_webhooks where agency = ${agency}`;
    return rows[0] && toWebhook(rows[0]);
  }

  /** Creates or replaces the agency's webhook URL (validated by the caller) and its signing secret. */
  async set(agency: string, url: string, secret: string | null = null): Promise<AgencyWebhook> {
    const [row] = await this.sql<WebhookRow[]>`
      insert into agency_webhooks (agency, url, secret) values (${agency}, ${url}, ${secret})
      on conflict (agency) do update set url = excluded.url, secret = excluded.secret, updated_at = now()
      returning agency, url, secret, created_at, updated_at`;
    return toWebhook(row);
  }

  /** True when there was one to remove. */
  async remove(agency: string): Promise<boolean> {
    const result = await this.sql`delete from agency_webhooks where agency = ${agency}`;
    return result.count > 0;
  }

  async list(): Promise<AgencyWebhook[]> {
    const rows = await this.sql<WebhookRow[]>`select agency, url, secret, created_at, updated_at from agency_webhooks order by agency`;
    return rows.map(toWebhook);
  }
}
