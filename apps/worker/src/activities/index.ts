import type { WorkflowClient } from '@temporalio/client';
import type { DondocActivities } from '@app/contracts';
import type { EventStore, Sql } from '@app/event-store';
import { AgencyWebhookRepository, DirectiveSummaryRepository, NotificationsRepository } from '@app/read-models';
import { appendEventsActivity, appendToStreamsActivity } from './append-events.activity';
import { deliverNotificationsActivity } from './deliver-notifications.activity';
import { startAssignmentsActivity } from './start-assignments.activity';
import { withdrawAssignmentsActivity } from './withdraw-assignments.activity';

export interface ActivityDeps {
  sql: Sql;
  eventStore: EventStore;
  webhookSecret: string;
  /** Starts assignment workflows on the worker's own task queue, and sends them a withdrawn directive's updates. */
  workflows: WorkflowClient;
  taskQueue: string;
}

export function createActivities(deps: ActivityDeps): DondocActivities {
  const directives = new DirectiveSummaryRepository(deps.sql);
  const notifications = new NotificationsRepository(deps.sql);
  return {
    appendEvents: appendEventsActivity(deps.eventStore, notifications),
    appendToStreams: appendToStreamsActivity(deps.eventStore, notifications),
    deliverNotifications: deliverNotificationsActivity({
      notifications,
      webhooks: new AgencyWebhookRepository(deps.sql),
      eventStore: deps.eventStore,
      secret: deps.webhookSecret,
    }),
    startAssignments: startAssignmentsActivity(deps.workflows, deps.taskQueue),
    withdrawAssignments: withdrawAssignmentsActivity(deps.workflows),
    directiveStatusCounts: async ({ directiveId, at }) => ({ ...(await directives.statusCounts(directiveId, at)) }),
  };
}
