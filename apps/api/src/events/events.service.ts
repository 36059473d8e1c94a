import { Inject, Injectable, type MessageEvent } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { EventStore, StoredEvent } from '@app/event-store';
import { EVENT_STORE } from '../core/tokens';
import type { EventPageView, FeedEventView } from './dto/event.views';
import { decodeCursor, encodeCursor } from './feed-cursor';

const STREAM_POLL_MS = 500;
const STREAM_BATCH = 500;
const STREAM_KEEP_ALIVE_MS = 15_000;

/** The global feed of domain events, as pages and as a live stream. */
@Injectable()
export class EventsService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async page(after: string | undefined, limit: number): Promise<EventPageView> {
    const events = await this.store.readAll(decodeCursor(after), limit);
    const last = events.at(-1);
    return { events: events.map(toView), nextCursor: last ? encodeCursor(last) : after || null };
  }

  /** Every event past the cursor, then each new one as it commits (polled); one SSE message per event. */
  stream(after: string | undefined): Observable<MessageEvent> {
    let cursor = decodeCursor(after); // a bad cursor is a 400 before the stream opens
    return new Observable<MessageEvent>((subscriber) => {
      let timer: NodeJS.Timeout | undefined;
      let idleSince = Date.now();
      const poll = async (): Promise<void> => {
        try {
          const events = await this.store.readAll(cursor, STREAM_BATCH);
          for (const event of events) {
            cursor = { transactionId: event.transactionId, globalPosition: event.globalPosition };
            subscriber.next({ id: encodeCursor(event), type: event.type, data: toView(event) });
          }
          if (events.length > 0) idleSince = Date.now();
          else if (Date.now() - idleSince >= STREAM_KEEP_ALIVE_MS) {
            subscriber.next({ comment: 'keep-alive' }); // proxies drop connections that stay silent
            idleSince = Date.now();
          }
          if (!subscriber.closed) timer = setTimeout(() => void poll(), events.length === STREAM_BATCH ? 0 : STREAM_POLL_MS);
        } catch (error) {
          subscriber.error(error); // the client reconnects with Last-Event-ID
        }
      };
      void poll();
      return () => clearTimeout(timer);
    });
  }
}

function toView(event: StoredEvent): FeedEventView {
  return {
    eventId: event.eventId,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    type: event.type,
    data: event.data,
    actor: event.metadata.actor,
    occurredAt: event.occurredAt,
    position: encodeCursor(event),
  };
}
