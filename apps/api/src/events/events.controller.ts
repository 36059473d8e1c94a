import { Controller, Get, Headers, Query, Sse, type MessageEvent } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { AllowQueryToken, CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { EventPageView } from './dto/event.views';
import { EventsQueryDto, EventStreamQueryDto } from './dto/events-query.dto';
import { EventsService } from './events.service';

const DEFAULT_LIMIT = 100;

@ApiTags('events')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No bearer token, or an unknown or revoked one' })
@Roles('supervisor', 'admin', 'viewer')
@Controller('api/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @ApiOperation({ summary: 'The global feed of domain events, in commit order, a page at a time' })
  @ApiOkResponse({ type: EventPageView })
  @ApiBadRequestResponse({ description: 'A cursor this API did not hand out (INVALID_CURSOR), or a limit outside 1..1000' })
  page(@Query() query: EventsQueryDto): Promise<EventPageView> {
    return this.events.page(query.after, query.limit ?? DEFAULT_LIMIT);
  }

  @Sse('stream')
  @AllowQueryToken()
  @ApiOperation({ summary: 'The same feed as Server-Sent Events: id = cursor, event = event type, data = the event as JSON' })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume past this cursor (sent by EventSource on reconnect)' })
  @ApiBadRequestResponse({ description: 'A cursor this API did not hand out (INVALID_CURSOR)' })
  stream(@CurrentPrincipal() principal: Principal, @Query() query: EventStreamQueryDto, @Headers('last-event-id') lastEventId?: string): Observable<MessageEvent> {
    return this.events.streamFor(principal, lastEventId || query.after);
  }
}
