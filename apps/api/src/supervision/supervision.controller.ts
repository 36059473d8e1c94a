import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth';
import { ErrorBodyView } from '../errors/dto/error-body.view';
import { EscalationsQuery, InboxQuery, StatusReportQuery } from './dto/supervision.query';
import { EscalationPageView, InboxPageView, StatusMatrixView } from './dto/supervision.views';
import { SupervisionService } from './supervision.service';

@ApiTags('supervision')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyView, description: 'No bearer token, or an unknown or revoked one (UNAUTHENTICATED)' })
@ApiTooManyRequestsResponse({ type: ErrorBodyView, description: 'Over the rate limit (RATE_LIMITED), with Retry-After' })
@ApiServiceUnavailableResponse({ type: ErrorBodyView, description: 'PostgreSQL is down or did not answer in time (SERVICE_UNAVAILABLE), with Retry-After' })
@Controller('api')
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Get('escalations')
  @ApiOperation({ summary: 'Reminders, overdue marks, ladder levels, missed stage deadlines, Centre escalations and responses, extensions: newest first' })
  @ApiOkResponse({ type: EscalationPageView })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'A malformed parameter or date (VALIDATION_FAILED), an agency not in the registry (UNKNOWN_AGENCY), a cursor not handed out for this list (INVALID_CURSOR)' })
  @ApiForbiddenResponse({ type: ErrorBodyView, description: 'An agency token naming another agency (FORBIDDEN)' })
  @ApiNotFoundResponse({ type: ErrorBodyView, description: 'No directive has the id in ?directive= (NOT_FOUND)' })
  escalations(@CurrentPrincipal() principal: Principal, @Query() query: EscalationsQuery) {
    return this.supervision.escalations(principal, query);
  }

  @Get('reports/status')
  @ApiOperation({ summary: 'Per-agency matrix (in progress within deadline, overdue, done on time, done late, withdrawn), and the same counts with each assignment once' })
  @ApiOkResponse({ type: StatusMatrixView })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'A parameter other than directive (VALIDATION_FAILED)' })
  @ApiForbiddenResponse({ type: ErrorBodyView, description: 'Any other role: FORBIDDEN' })
  @ApiNotFoundResponse({ type: ErrorBodyView, description: 'No directive has this id (NOT_FOUND)' })
  // Below the response decorators: applied before them, its untyped 403 gains their error body instead of replacing it.
  @Roles('supervisor', 'admin', 'viewer')
  status(@Query() query: StatusReportQuery) {
    return this.supervision.statusMatrix(query);
  }

  @Get('inbox')
  @ApiOperation({ summary: "The calling agency's notifications, newest first: the timers' (reminder, overdue, escalation, stageOverdue) and the decisions on its work" })
  @ApiOkResponse({ type: InboxPageView })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'A malformed limit (VALIDATION_FAILED), a cursor not handed out for this list (INVALID_CURSOR)' })
  @ApiForbiddenResponse({ type: ErrorBodyView, description: 'Any other role: FORBIDDEN' })
  @Roles('agency')
  inbox(@CurrentPrincipal() principal: Principal, @Query() query: InboxQuery) {
    return this.supervision.inbox(principal, query);
  }
}
