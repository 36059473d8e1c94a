import { Inject, Injectable } from '@nestjs/common';
import type { Sql } from '@app/event-store';
import { AgencyStatusRepository, DirectiveSummaryRepository, EscalationTimelineRepository, NotificationsRepository } from '@app/read-models';
import type { Principal } from '../auth';
import { SQL } from '../core/tokens';
import { agencyFilterFor, ownAgencyFilter } from '../common/known-agency';
import { requireKnownDirective } from '../common/known-directive';
import type { EscalationsQuery, InboxQuery, StatusReportQuery } from './dto/supervision.query';

/** What the Provincial Party Office watches: the escalation timeline, the status matrix, and agencies' inboxes. */
@Injectable()
export class SupervisionService {
  private readonly timeline: EscalationTimelineRepository;
  private readonly statuses: AgencyStatusRepository;
  private readonly notifications: NotificationsRepository;
  private readonly directives: DirectiveSummaryRepository;

  constructor(@Inject(SQL) sql: Sql) {
    this.directives = new DirectiveSummaryRepository(sql);
    this.timeline = new EscalationTimelineRepository(sql);
    this.statuses = new AgencyStatusRepository(sql);
    this.notifications = new NotificationsRepository(sql);
  }

  async escalations(principal: Principal, query: EscalationsQuery) {
    const agencies = agencyFilterFor(principal, query.agency);
    await this.requireDirective(query.directive);
    return this.timeline.page({ directiveId: query.directive, ...agencies, since: query.since, limit: query.limit, after: query.after });
  }

  /** A directive named that does not exist is a 404, not a matrix of zeros (a typo would read as "nothing assigned"). */
  async statusMatrix(query: StatusReportQuery) {
    await this.requireDirective(query.directive);
    const now = new Date().toISOString();
    const filter = { directiveId: query.directive, now };
    const [agencies, assignments] = await Promise.all([this.statuses.matrix(filter), this.statuses.totals(filter)]);
    return { directiveId: query.directive ?? null, at: now, agencies, assignments };
  }

  inbox(principal: Principal, query: InboxQuery) {
    const { agency = '', agencyGroups } = ownAgencyFilter(principal);
    return this.notifications.inbox(agency, { limit: query.limit, after: query.after, agencyGroups });
  }

  private requireDirective(directiveId: string | undefined): Promise<void> {
    return requireKnownDirective(this.directives, directiveId);
  }
}
