import type { AssignmentStatus } from '@app/domain';
import type postgres from 'postgres';
import type { Sql } from '@app/event-store';
import { effectiveStatus } from '../shared/effective-status';

/** Assignments by status at `now`, and how many in all. */
export interface StatusCounts extends Readonly<Record<AssignmentStatus, number>> {
  readonly total: number;
}

/** One line of the status matrix: an agency's assignments (as lead or coordinator) by status at `now`. */
export interface AgencyStatusCounts extends StatusCounts {
  readonly agency: string;
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
      select agency, ${countsBy(sql, sql`*`)}
      from (${this.rowsAt(filter)}) rows
      group by agency
      order by agency`;
    return [...rows];
  }

  /**
   * The matrix's bottom line: every assignment once, however many agencies share it (a single's lead and
   * coordinators, not an eachOf parent, whose tracks are counted instead).
   */
  async totals(filter: MatrixFilter): Promise<StatusCounts> {
    const sql = this.sql;
    const [totals] = await sql<StatusCounts[]>`select ${countsBy(sql, sql`distinct assignment_id`)} from (${this.rowsAt(filter)}) rows`;
    return totals;
  }

  private rowsAt(filter: MatrixFilter): postgres.Fragment {
    const sql = this.sql;
    return sql`
      select assignment_id, agency, ${effectiveStatus(sql, filter.now)} as s
      from agency_status
      ${filter.directiveId === undefined ? sql`` : sql`where directive_id = ${filter.directiveId}`}`;
  }
}

/** Rows counted as `counted` (`*`, or `distinct assignment_id`) per effective status `s`, and in all. */
const countsBy = (sql: Sql, counted: postgres.Fragment): postgres.Fragment => sql`
  count(${counted}) filter (where s = 'inProgressOnTime')::int as "inProgressOnTime",
  count(${counted}) filter (where s = 'inProgressOverdue')::int as "inProgressOverdue",
  count(${counted}) filter (where s = 'doneOnTime')::int as "doneOnTime",
  count(${counted}) filter (where s = 'doneLate')::int as "doneLate",
  count(${counted}) filter (where s = 'withdrawn')::int as "withdrawn",
  count(${counted})::int as total`;
