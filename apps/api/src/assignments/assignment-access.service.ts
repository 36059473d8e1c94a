import { Inject, Injectable } from '@nestjs/common';
import type { Sql } from '@app/event-store';
import { AssignmentSummaryRepository, DirectiveSummaryRepository, type AssignmentSummaryView } from '@app/read-models';
import type { Principal } from '../auth';
import { SQL } from '../core/tokens';
import { requireKnownDirective } from '../common/known-directive';
import { notFound } from '../errors/api-error';

/**
 * Who may see an assignment: everyone but agencies sees all; an agency sees only assignments that name it.
 * Another agency's assignment answers 404, so its existence is not revealed.
 */
@Injectable()
export class AssignmentAccessService {
  readonly summaries: AssignmentSummaryRepository;
  private readonly directives: DirectiveSummaryRepository;

  constructor(@Inject(SQL) sql: Sql) {
    this.summaries = new AssignmentSummaryRepository(sql);
    this.directives = new DirectiveSummaryRepository(sql);
  }

  requireDirective(directiveId: string | undefined): Promise<void> {
    return requireKnownDirective(this.directives, directiveId);
  }

  async visible(principal: Principal, assignmentId: string, now: string): Promise<AssignmentSummaryView> {
    const summary =
      principal.role === 'agency'
        ? await this.summaries.findVisibleTo(assignmentId, principal.agency ?? '', now)
        : await this.summaries.find(assignmentId, now);
    if (!summary) throw notFound('Assignment', assignmentId);
    return summary;
  }

  /** An agency acting on an "each of" assignment acts on its own track. */
  commandTarget(principal: Principal, summary: AssignmentSummaryView): string {
    if (summary.kind === 'eachOf' && principal.role === 'agency' && principal.agency) return `${summary.id}.${principal.agency}`;
    return summary.id;
  }
}
