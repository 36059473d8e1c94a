import type { ApplicationFailure } from '@temporalio/common';
import { assignmentIdOfStream, assignmentStreamId, domainFailure, type AppendedEvent, type AppendEventsInput, type AppendEventsOutput, type AppendToStreamsInput, type AppendToStreamsOutput } from '@app/contracts';
import { NOTIFYING_EVENT_TYPES } from '@app/domain';
import { StreamsTakenError, StreamVersionConflictError, type EventStore, type StoredEvent } from '@app/event-store';
import { DECISION_NOTICE_EVENT_TYPES, type NotificationsRepository } from '@app/read-models';

/** The events with inbox rows (timers' notices and decisions): those a webhook may be posted. */
const NOTICE_EVENT_TYPES: ReadonlySet<string> = new Set([...NOTIFYING_EVENT_TYPES, ...DECISION_NOTICE_EVENT_TYPES]);
const noticesOf = (events: readonly StoredEvent[]): string[] => events.filter((event) => NOTICE_EVENT_TYPES.has(event.type)).map((event) => event.eventId);

/**
 * Appends with the stream's expected version; a retry after a commit is a no-op (deterministic event ids). Says
 * which events have a notice to post to a webhook, so the workflow schedules delivery only for those.
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
        ...(input.tokenId && { tokenId: input.tokenId }),
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
        // Their notices were never posted: the task that stored them was lost before it could schedule that.
        webhookEvents: await notifications.eventsWithWebhooks(noticesOf(behind)),
      };
    }
    return {
      version: result.version,
      duplicate: result.duplicate,
      webhookEvents: await notifications.eventsWithWebhooks(noticesOf(result.events)),
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

/**
 * Several streams in one transaction; a retry after a commit is a no-op for each of them. A directive's first batch
 * that names an assignment another directive holds fails for good, as the domain error the API answers 409 with.
 */
export function appendToStreamsActivity(eventStore: EventStore, notifications: NotificationsRepository) {
  return async (input: AppendToStreamsInput): Promise<AppendToStreamsOutput> => {
    const context = { occurredAt: input.occurredAt, actor: input.actor, correlationId: input.correlationId, causationId: input.causationId, ...(input.tokenId && { tokenId: input.tokenId }) };
    const results = await eventStore.appendToStreams(input.appends, context, { reserve: input.reserve }).catch((error: unknown) => {
      throw error instanceof StreamsTakenError ? streamsTaken(error.streamIds) : error;
    });
    const duplicates = Object.fromEntries(
      results.flatMap((result, index) => (result.duplicate ? [[index, result.events.map((event) => ({ type: event.type, data: event.data }))]] : [])),
    );
    const withWebhooks = new Set(await notifications.eventsWithWebhooks(results.flatMap((result) => noticesOf(result.events))));
    const webhookEvents = Object.fromEntries(
      results.flatMap((result, index) => {
        const events = result.events.filter((event) => withWebhooks.has(event.eventId)).map((event) => event.eventId);
        return events.length > 0 ? [[index, events]] : [];
      }),
    );
    return {
      versions: results.map((result) => result.version),
      ...(Object.keys(duplicates).length > 0 && { duplicates }),
      ...(Object.keys(webhookEvents).length > 0 && { webhookEvents }),
    };
  };
}

function streamsTaken(streamIds: readonly string[]): ApplicationFailure {
  const assignmentIds = streamIds.filter(isAssignmentStream).map(assignmentIdOfStream);
  if (assignmentIds.length === 0) {
    // The directive's own stream, stored by another run of it (one terminated mid-creation, then started again).
    return domainFailure('DIRECTIVE_EXISTS', `${streamIds.join(', ')} is already stored by another run of this directive`, { streamIds });
  }
  const named = assignmentIds.length === 1 ? `Assignment ${assignmentIds[0]} already belongs` : `Assignments ${assignmentIds.slice(0, 5).join(', ')}${assignmentIds.length > 5 ? '…' : ''} already belong`;
  // As the API's own check answers (assignmentId), with every one taken.
  return domainFailure('ASSIGNMENT_ID_TAKEN', `${named} to another directive; choose another directive id or key`, { assignmentId: assignmentIds[0], assignmentIds });
}

const isAssignmentStream = (streamId: string): boolean => assignmentStreamId(assignmentIdOfStream(streamId)) === streamId;
