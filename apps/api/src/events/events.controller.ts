import { Controller, Get, Headers, Query, Sse, type MessageEvent } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { AllowQueryToken, CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ErrorBodyView } from '../errors/dto/error-body.view';
import { EventPageView } from './dto/event.views';
import { EventsQueryDto, EventStreamQueryDto } from './dto/events-query.dto';
import { EventsService } from './events.service';

const DEFAULT_LIMIT = 100;

@ApiTags('events')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyView, description: 'No bearer token, or an unknown or revoked one' })
@ApiForbiddenResponse({ type: ErrorBodyView, description: 'Any other role: FORBIDDEN' })
@ApiTooManyRequestsResponse({ type: ErrorBodyView, description: 'Over the rate limit (RATE_LIMITED), with Retry-After' })
@ApiServiceUnavailableResponse({ type: ErrorBodyView, description: 'PostgreSQL is down or did not answer in time (SERVICE_UNAVAILABLE), with Retry-After' })
@Roles('supervisor', 'admin', 'viewer')
@Controller('api/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @ApiOperation({ summary: 'The global feed of domain events, in commit order, a page at a time' })
  @ApiOkResponse({ type: EventPageView })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'A cursor this API did not hand out (INVALID_CURSOR), or a limit outside 1..1000' })
  page(@Query() query: EventsQueryDto): Promise<EventPageView> {
    return this.events.page(query.after, query.limit ?? DEFAULT_LIMIT);
  }

  @Sse('stream')
  @AllowQueryToken()
  @ApiOperation({ summary: 'The same feed as Server-Sent Events: id = cursor, event = event type, data = the event as JSON' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    schema: { type: 'string', example: 'id: 7841.1042\nevent: ReminderSent\ndata: {"eventId":"…","type":"ReminderSent",…}\n\n' },
    description: "Server-Sent Events, open until the client leaves: each message's id is the cursor, its event the event type, its data a FeedEventView as JSON (with after=latest, first a `head` message with empty data)",
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume past this cursor (sent by EventSource on reconnect)' })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'A cursor this API did not hand out (INVALID_CURSOR)' })
  stream(@CurrentPrincipal() principal: Principal, @Query() query: EventStreamQueryDto, @Headers('last-event-id') lastEventId?: string): Observable<MessageEvent> {
    return this.events.streamFor(principal, lastEventId || query.after);
  }
}
