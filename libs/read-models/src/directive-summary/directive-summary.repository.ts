import type { Sql } from '@app/event-store';

export interface DirectiveSummary {
  directiveId: string;
  title: string | null;
  number: string | null;
  issuer: string | null;
  issuedOn: string | null;
  version: number;
  createdAt: string;
}

export class DirectiveSummaryRepository {
  constructor(private readonly sql: Sql) {}

  async find(directiveId: string): Promise<DirectiveSummary | undefined> {
    const rows = await this.sql<DirectiveSummary[]>`
      select directive_id as "directiveId", title, number, issuer, to_char(issued_on, 'YYYY-MM-DD') as "issuedOn",
        version, created_at as "createdAt"
      from directive_summary where directive_id = ${directiveId}`;
    return rows[0];
  }

  async list(): Promise<DirectiveSummary[]> {
    return this.sql<DirectiveSummary[]>`
      select directive_id as "directiveId", title, number, issuer, to_char(issued_on, 'YYYY-MM-DD') as "issuedOn",
        version, created_at as "createdAt"
      from directive_summary order by created_at desc, directive_id`;
  }
}
