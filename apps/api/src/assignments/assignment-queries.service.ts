import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { assignmentStateQuery, assignmentStreamId, assignmentWorkflowId } from '@app/contracts';
import { EventStore } from '@app/event-store';
import { withDayOffMarks, withOwnClock, type AssignmentPage, type AssignmentSummaryView } from '@app/read-models';
import type { Principal } from '../auth';
import { agencyFilterFor } from '../common/known-agency';
import { EVENT_STORE, TEMPORAL_CLIENT } from '../core/tokens';
import { translateWorkflowError } from '../temporal/temporal-errors';
import { ApiTokensRepository } from '../tokens/api-tokens.repository';
import { AssignmentAccessService } from './assignment-access.service';
import { ApiError } from '../errors/api-error';
import { noWorkflowFor } from './no-workflow.error';
import type { ListAssignmentsQuery } from './dto/list-assignments.query';

/** From the projection, or with `consistent` as the workflow holds it. */
export type AssignmentView = AssignmentSummaryView | (Record<string, unknown> & { id: string; status: string; version: number });

export interface TimelineEntry {
  eventId: string;
  version: number;
  type: string;
  occurredAt: string;
  actor: unknown;
  /** The API token the person acted with (GET /api/tokens names it); null for timers, signals and older events. */
  tokenId: string | null;
  /** That token's label, as the admin named it (an officer, a desk); null without one. */
  tokenLabel: string | null;
  data: unknown;
}

/** Reads come from the projections; `consistent` asks the workflow itself. */
@Injectable()
export class AssignmentQueriesService {
  constructor(
    private readonly access: AssignmentAccessService,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly tokens: ApiTokensRepository,
  ) {}

  async list(principal: Principal, query: ListAssignmentsQuery): Promise<AssignmentPage> {
    const agencies = agencyFilterFor(principal, query.agency);
    await this.access.requireDirective(query.directive);
    return this.access.summaries.list({
      directiveId: query.directive,
      ...agencies,
      stage: query.stage,
      status: query.status,
      overdue: query.overdue,
      topLevel: query.tracks === false,
      pendingExtension: query.pendingExtension,
      awaitingDecision: query.awaitingDecision,
      dueBefore: query.dueBefore,
      limit: query.limit,
      cursor: query.cursor,
      now: new Date().toISOString(),
    });
  }

  async get(principal: Principal, id: string, consistent: boolean): Promise<AssignmentView> {
    const summary = await this.access.visible(principal, id, new Date().toISOString());
    // A live read is the domain's summary too (the workflow's), with the projection's fields.
    const view = await this.access.summaries.withTrackExtensions((await this.read(summary, consistent)) as AssignmentSummaryView);
    const shown = principal.role === 'agency' && summary.kind === 'eachOf' ? await this.withOwnTrack(this.access.commandTarget(principal, summary), view, consistent) : view;
    // Judged on the dates shown: the agency's own clock, or what the workflow holds (consistent=true).
    return withDayOffMarks(shown as AssignmentSummaryView);
  }

  /** An agency sees an "each of" assignment at its own track's stage and clock, as its list shows it (`withOwnClock`). */
  private async withOwnTrack(trackId: string, parent: AssignmentView, consistent: boolean): Promise<AssignmentView> {
    const track = await this.access.summaries.find(trackId, new Date().toISOString());
    if (!track) return parent; // not started yet: the directive's workflow starts its tracks just after storing them
    // A track stored whose workflow is still starting: its projected state is all there is to tell yet.
    const own = await this.read(track, consistent).catch((error: unknown) => (error instanceof ApiError && error.code === 'ASSIGNMENT_STARTING' ? track : Promise.reject(error)));
    return withOwnClock(parent as AssignmentSummaryView, own as AssignmentSummaryView);
  }

  private async read(summary: AssignmentSummaryView, consistent: boolean): Promise<AssignmentView> {
    const id = summary.id;
    if (!consistent) return summary;
    try {
      const live = await this.client.workflow.getHandle(assignmentWorkflowId(id)).query(assignmentStateQuery);
      return { ...summary, ...live.assignment, version: live.version };
    } catch (error) {
      // Finished and past Temporal's retention: the projection's state is final. Not started yet: ask again shortly.
      if (error instanceof WorkflowNotFoundError && (summary.stage === 'closed' || summary.stage === 'withdrawn')) return summary;
      if (error instanceof WorkflowNotFoundError) throw noWorkflowFor(id, summary.stage);
      throw translateWorkflowError(error, 'Assignment', id);
    }
  }

  async timeline(principal: Principal, id: string): Promise<{ assignmentId: string; events: TimelineEntry[] }> {
    await this.access.visible(principal, id, new Date().toISOString());
    const events = await this.events.readStream(assignmentStreamId(id));
    const labels = await this.tokens.labelsOf(events.flatMap((event) => (event.metadata.tokenId ? [event.metadata.tokenId] : [])));
    return {
      assignmentId: id,
      events: events.map((event) => ({
        eventId: event.eventId,
        version: event.streamVersion,
        type: event.type,
        occurredAt: event.occurredAt,
        actor: event.metadata.actor,
        tokenId: event.metadata.tokenId ?? null,
        tokenLabel: (event.metadata.tokenId && labels.get(event.metadata.tokenId)) ?? null,
        data: event.data,
      })),
    };
  }
}
