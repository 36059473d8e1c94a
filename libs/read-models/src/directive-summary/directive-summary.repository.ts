import { emptyStatusCounts, type ExistingDirective, type StatusCounts, type AssignmentStatus } from '@app/domain';
import type { Sql } from '@app/event-store';
import { effectiveStatus } from '../shared/effective-status';
import { isoOf, isoOrNull } from '../shared/sql';

export interface CompiledReportSummary {
  readonly periodEnd: string;
  readonly counts: StatusCounts;
  readonly at: string;
}

export interface DirectiveSummary {
  directiveId: string;
  title: string;
  number: string | null;
  /** The issuing body (DirectiveCreated.issuingBody); kept under this name for existing clients. */
  issuer: string | null;
  issuingBody: string | null;
  /** YYYY-MM-DD */
  issuedOn: string | null;
  monitoringAgency: string;
  /** Assignments as the notice lists them (an eachOf counts once). */
  assignmentCount: number;
  withdrawn: boolean;
  withdrawal: { reason: string; at: string } | null;
  reportCount: number;
  lastReport: CompiledReportSummary | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A directive as an import compares a notice with it: which it is, whether withdrawn, the notice it was made from. */
export interface IssuedDirective {
  directiveId: string;
  title: string;
  withdrawn: boolean;
  sourceText: string | null;
}

interface DirectiveRow {
  directive_id: string;
  title: string;
  number: string | null;
  issuing_body: string | null;
  issued_on: string | null;
  monitoring_agency: string;
  assignment_count: number;
  withdrawn: boolean;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
  report_count: number;
  last_report: CompiledReportSummary | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const toSummary = (row: DirectiveRow): DirectiveSummary => ({
  directiveId: row.directive_id,
  title: row.title,
  number: row.number,
  issuer: row.issuing_body,
  issuingBody: row.issuing_body,
  issuedOn: row.issued_on,
  monitoringAgency: row.monitoring_agency,
  assignmentCount: row.assignment_count,
  withdrawn: row.withdrawn,
  withdrawal: row.withdrawn_at === null ? null : { reason: row.withdrawal_reason ?? '', at: isoOrNull(row.withdrawn_at) ?? '' },
  reportCount: row.report_count,
  lastReport: row.last_report,
  version: row.version,
  createdAt: isoOf(row.created_at),
  updatedAt: isoOf(row.updated_at),
});

export class DirectiveSummaryRepository {
  constructor(private readonly sql: Sql) {}

  async find(directiveId: string): Promise<DirectiveSummary | undefined> {
    const rows = await this.sql<DirectiveRow[]>`
      select directive_id, title, number, issuing_body, to_char(issued_on, 'YYYY-MM-DD') as issued_on, monitoring_agency,
        assignment_count, withdrawn, withdrawn_at, withdrawal_reason, report_count, last_report, version, created_at, updated_at
      from directive_summary where directive_id = ${directiveId}`;
    return rows[0] && toSummary(rows[0]);
  }

  /** Newest first. */
  async list(): Promise<DirectiveSummary[]> {
    const rows = await this.sql<DirectiveRow[]>`
      select directive_id, title, number, issuing_body, to_char(issued_on, 'YYYY-MM-DD') as issued_on, monitoring_agency,
        assignment_count, withdrawn, withdrawn_at, withdrawal_reason, report_count, last_report, version, created_at, updated_at
      from directive_summary order by created_at desc, directive_id`;
    return rows.map(toSummary);
  }

  /** The directives of this issuing body (a notice's issuer code) issued on this day (YYYY-MM-DD), oldest first. */
  async issuedBy(issuingBody: string, issuedOn: string): Promise<IssuedDirective[]> {
    return this.sql<IssuedDirective[]>`
      select directive_id as "directiveId", title, withdrawn, state->>'sourceText' as "sourceText"
      from directive_summary where issuing_body = ${issuingBody} and issued_on = ${issuedOn}::date
      order by created_at, directive_id`;
  }

  /** The notice text the directive was created from (null for one created without it). */
  async sourceText(directiveId: string): Promise<string | null> {
    const rows = await this.sql<{ sourceText: string | null }[]>`select state->>'sourceText' as "sourceText" from directive_summary where directive_id = ${directiveId}`;
    return rows[0]?.sourceText ?? null;
  }

  /** The full domain state (source text, assignment plans, every compiled report). */
  async findState(directiveId: string): Promise<{ state: ExistingDirective; version: number } | undefined> {
    const rows = await this.sql<{ state: ExistingDirective; version: number }[]>`
      select state, version from directive_summary where directive_id = ${directiveId}`;
    return rows[0];
  }

  /**
   * The directive's assignments by status at `now`, for the monitor's compiled report: singles and tracks each
   * count once; an eachOf parent does not (its tracks do).
   */
  async statusCounts(directiveId: string, now: string): Promise<StatusCounts> {
    const rows = await this.sql<{ status: AssignmentStatus; n: number }[]>`
      select ${effectiveStatus(this.sql, now)} as status, count(*)::int as n
      from assignment_summary where directive_id = ${directiveId} and kind <> 'eachOf'
      group by 1`;
    const counts = emptyStatusCounts();
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }
}
