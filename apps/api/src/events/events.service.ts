import { Inject, Injectable, type MessageEvent } from '@nestjs/common';
import { Observable, takeUntil } from 'rxjs';
import type { EventStore, StoredEvent } from '@app/event-store';
import type { Principal } from '../auth/principal';
import { GracefulShutdown } from '../core/graceful-shutdown';
import { EVENT_STORE } from '../core/tokens';
import { ApiTokensRepository } from '../tokens/api-tokens.repository';
import type { EventPageView, FeedEventView } from './dto/event.views';
import { decodeCursor, encodeCursor } from './feed-cursor';

const STREAM_POLL_MS = 500;
const STREAM_BATCH = 500;
const STREAM_KEEP_ALIVE_MS = 15_000;
/** How often an open stream checks that its token was not revoked meanwhile. */
const STREAM_AUTH_CHECK_MS = 30_000;
/** `after=latest`: only the events that commit from now on (a page that loaded its data and wants what follows). */
export const LATEST = 'latest';

/** The global feed of domain events, as pages and as a live stream. */
@Injectable()
export class EventsService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tokens: ApiTokensRepository,
    private readonly shutdown: GracefulShutdown,
  ) {}

  async page(after: string | undefined, limit: number): Promise<EventPageView> {
    const events = await this.store.readAll(decodeCursor(after), limit);
    const last = events.at(-1);
    return { events: events.map(toView), nextCursor: last ? encodeCursor(last) : after || null };
  }

  /** The stream for this principal: it ends once the principal's token is revoked, or when this API shuts down. */
  streamFor(principal: Principal, after: string | undefined): Observable<MessageEvent> {
    return this.stream(after, () => this.tokens.isLive(principal.tokenId)).pipe(takeUntil(this.shutdown.stopping$));
  }

  /**
   * Every event past the cursor (or from now on, for `latest`), then each new one as it commits (polled); one SSE
   * message per event. The stream ends once `stillAllowed` says no (its token was revoked): checked every 30 s.
   */
  stream(after: string | undefined, stillAllowed: () => Promise<boolean>): Observable<MessageEvent> {
    let cursor = after === LATEST ? undefined : decodeCursor(after); // a bad cursor is a 400 before the stream opens
    return new Observable<MessageEvent>((subscriber) => {
      let timer: NodeJS.Timeout | undefined;
      let idleSince = Date.now();
      let checkedAt = Date.now();
      let started = after !== LATEST;
      const poll = async (): Promise<void> => {
        try {
          if (!started) {
            cursor = await this.store.head();
            started = true;
            // The head as the stream's first id (event `head`, no domain event): a client that reconnects before any
            // event arrives resumes from there instead of from "latest" again, which would skip what came between.
            if (cursor) subscriber.next({ id: encodeCursor(cursor), type: 'head', data: {} });
          }
          if (Date.now() - checkedAt >= STREAM_AUTH_CHECK_MS) {
            checkedAt = Date.now();
            if (!(await stillAllowed())) return subscriber.complete();
          }
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
