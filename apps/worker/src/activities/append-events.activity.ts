import type { AppendedEvent, AppendEventsInput, AppendEventsOutput, AppendToStreamsInput, AppendToStreamsOutput } from '@app/contracts';
import { NOTIFYING_EVENT_TYPES } from '@app/domain';
import { StreamVersionConflictError, type EventStore, type StoredEvent } from '@app/event-store';
import type { NotificationsRepository } from '@app/read-models';

/**
 * Appends with the stream's expected version; a retry after a commit is a no-op (deterministic event ids). Says
 * which notifying events have anything to post to a webhook, so the workflow schedules delivery only for those.
 */
export function appendEventsActivity(eventStore: EventStore, notifications: NotificationsRepository) {
  return async (input: AppendEventsInput): Promise<AppendEventsOutput> => {
    let result;
    try {
      result = await eventStore.append(input.streamId, input.expectedVersion, input.events, {
        occurredAt: input.occurredAt,
        actor: input.actor,
        correlationId: input.correlationId,
        causationId: input.causationId,
      });
    } catch (error) {
      if (!(error instanceof StreamVersionConflictError) || error.actual < input.expectedVersion) throw error;
      // The workflow is behind its own stream: it catches up on these, decides again, and appends after them.
      const behind = await eventStore.readStream(input.streamId, input.expectedVersion + 1);
      if (behind.length === 0) throw error;
      return {
        version: behind[behind.length - 1].streamVersion,
        events: [],
        behind: behind.map((event) => ({ ...appendedEvent(event), correlationId: event.metadata.correlationId, actor: event.metadata.actor })),
      };
    }
    const notifying = result.events.filter((event) => NOTIFYING_EVENT_TYPES.includes(event.type)).map((event) => event.eventId);
    return {
      version: result.version,
      duplicate: result.duplicate,
      webhookEvents: await notifications.eventsWithWebhooks(notifying),
      events: result.events.map(appendedEvent),
    };
  };
}

function appendedEvent(event: StoredEvent): AppendedEvent {
  return {
    eventId: event.eventId,
    streamVersion: event.streamVersion,
    type: event.type,
    data: event.data,
    occurredAt: event.occurredAt,
    globalPosition: event.globalPosition,
  };
}

/** Several streams in one transaction; a retry after a commit is a no-op for each of them. */
export function appendToStreamsActivity(eventStore: EventStore) {
  return async (input: AppendToStreamsInput): Promise<AppendToStreamsOutput> => {
    const results = await eventStore.appendToStreams(input.appends, {
      occurredAt: input.occurredAt,
      actor: input.actor,
      correlationId: input.correlationId,
      causationId: input.causationId,
    });
    const duplicates = Object.fromEntries(
      results.flatMap((result, index) => (result.duplicate ? [[index, result.events.map((event) => ({ type: event.type, data: event.data }))]] : [])),
    );
    return { versions: results.map((result) => result.version), ...(Object.keys(duplicates).length > 0 && { duplicates }) };
  };
}
