import type { AssignmentStatus } from '@app/domain';
import type { Sql } from '@app/event-store';
import { effectiveStatus } from '../shared/effective-status';

/** One line of the status matrix: an agency's assignments (as lead or coordinator) by status at `now`. */
export interface AgencyStatusCounts extends Readonly<Record<AssignmentStatus, number>> {
  readonly agency: string;
  readonly total: number;
}

export interface MatrixFilter {
  directiveId?: string;
  now: string;
}

export class AgencyStatusRepository {
  constructor(private readonly sql: Sql) {}

  /** Per agency, ordered by agency code; singles count once per agency named, eachOf work once per track. */
  async matrix(filter: MatrixFilter): Promise<AgencyStatusCounts[]> {
    const sql = this.sql;
    const rows = await sql<AgencyStatusCounts[]>`
      select agency,
        count(*) filter (where s = 'inProgressOnTime')::int as "inProgressOnTime",
        count(*) filter (where s = 'inProgressOverdue')::int as "inProgressOverdue",
        count(*) filter (where s = 'doneOnTime')::int as "doneOnTime",
        count(*) filter (where s = 'doneLate')::int as "doneLate",
        count(*) filter (where s = 'withdrawn')::int as "withdrawn",
        count(*)::int as total
      from (
        select agency, ${effectiveStatus(sql, filter.now)} as s from agency_status
        ${filter.directiveId === undefined ? sql`` : sql`where directive_id = ${filter.directiveId}`}
      ) rows
      group by agency
      order by agency`;
    return [...rows];
  }
}
