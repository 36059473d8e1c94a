import { Inject, Injectable } from '@nestjs/common';
import { jointGroupsOf } from '@app/agencies';
import { trackIdOf, type Actor } from '@app/domain';
import type { Sql } from '@app/event-store';
import { AssignmentSummaryRepository, DirectiveSummaryRepository, type AssignmentSummaryView } from '@app/read-models';
import { actorOf, type Principal } from '../auth';
import { ownAgencyFilter } from '../common/known-agency';
import { requireKnownDirective } from '../common/known-directive';
import { SQL } from '../core/tokens';
import { notFound } from '../errors/api-error';

/**
 * Who may see an assignment: everyone but agencies sees all; an agency sees only assignments that name it or a joint
 * group it is a member of. Another agency's assignment answers 404, so its existence is not revealed.
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
    const { agency, agencyGroups } = ownAgencyFilter(principal);
    const summary = agency !== undefined ? await this.summaries.findVisibleTo(assignmentId, agency, now, agencyGroups) : await this.summaries.find(assignmentId, now);
    if (!summary) throw notFound('Assignment', assignmentId);
    return summary;
  }

  /**
   * Who acts: an agency given the work through a joint group it is a member of, and not named itself, acts as the
   * group (the notice gave the group the work), and is recorded as the member that did.
   */
  actorFor(principal: Principal, summary: AssignmentSummaryView): Actor {
    const actor = actorOf(principal);
    if (actor.kind !== 'agency') return actor;
    const agency = actingAgency(actor.agency, summary);
    return agency === actor.agency ? actor : { kind: 'agency', agency, member: actor.agency };
  }

  /** An agency acting on an "each of" assignment acts on its own track (its group's, when its group is named). */
  commandTarget(principal: Principal, summary: AssignmentSummaryView): string {
    if (summary.kind === 'eachOf' && principal.role === 'agency' && principal.agency) return trackIdOf(summary.id, actingAgency(principal.agency, summary));
    return summary.id;
  }
}

/**
 * The agency named on the assignment that `agency` acts as: itself or a joint group of its, whichever leads (a member
 * may do all its group may), itself when neither does.
 */
function actingAgency(agency: string, summary: AssignmentSummaryView): string {
  const roleOf = (code: string) => summary.agencies.find((a) => a.agency === code)?.role;
  const named = [agency, ...jointGroupsOf(agency)].filter((code) => roleOf(code) !== undefined);
  return named.find((code) => roleOf(code) === 'lead') ?? named[0] ?? agency;
}
