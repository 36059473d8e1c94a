import type { Projector } from '@app/event-store';
import { projectAgencyStatus } from './agency-status/agency-status.projection';
import { projectAssignmentSummary } from './assignment-summary/assignment-summary.projection';
import { projectDirectiveSummary } from './directive-summary/directive-summary.projection';
import { projectEscalationTimeline } from './escalation-timeline/escalation-timeline.projection';
import { projectNotifications } from './notifications/notifications.projection';
import { projectorOf } from './projector';

/** Every read model dondoc keeps. */
export function dondocProjector(): Projector {
  return projectorOf([projectDirectiveSummary], [projectAssignmentSummary, projectAgencyStatus, projectEscalationTimeline, projectNotifications]);
}
