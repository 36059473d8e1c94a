import type { DondocActivities } from '@app/contracts';
import type { EventStore } from '@app/event-store';
import { appendEventsActivity } from './append-events.activity';

export interface ActivityDeps {
  eventStore: EventStore;
}

export function createActivities(deps: ActivityDeps): DondocActivities {
  return {
    appendEvents: appendEventsActivity(deps.eventStore),
  };
}
