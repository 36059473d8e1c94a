import type { Projector } from '@app/event-store';
import { projectAgencyStatus } from './agency-status/agency-status.projection';
import { projectAssignmentSummary } from './assignment-summary/assignment-summary.projection';
import { projectDirectiveSummary } from './directive-summary/directive-summary.projection';
import { projectEscalationTimeline } from './escalation-timeline/escalation-timeline.projection';
import { projectNotifications } from './notifications/notifications.projection';
import { projectionSession, projectorOf, type ProjectionSession, type ProjectionSessionOptions, type Projections } from './projector';

/** Every read model dondoc keeps. */
const DONDOC_PROJECTIONS: Projections = {
  events: [projectDirectiveSummary],
  steps: [projectEscalationTimeline, projectNotifications],
  changes: [projectAssignmentSummary, projectAgencyStatus],
};

export function dondocProjector(): Projector {
  return projectorOf(DONDOC_PROJECTIONS);
}

export function dondocProjectionSession(options: ProjectionSessionOptions): ProjectionSession {
  return projectionSession(DONDOC_PROJECTIONS, options);
}
