import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth';
import { NoParametersQuery } from '../common/no-parameters.query';
import { ErrorBodyView } from '../errors/dto/error-body.view';
import { ApiIdempotencyKey, IdempotencyKey } from '../idempotency';
import { AssignmentCommandsService } from './assignment-commands.service';
import { AssignmentQueriesService } from './assignment-queries.service';
import {
  CentreResponseDto,
  ConfirmDto,
  EmptyCommandDto,
  EscalateDto,
  ExtensionDecisionDto,
  ExtensionDto,
  WithdrawExtensionRequestDto,
  ProposeDto,
  RejectDto,
  ReportDto,
  ResearchDto,
  ReviewDto,
  WithdrawDto,
} from './dto/command.dto';
import { AssignmentPageView, AssignmentTimelineView, AssignmentView, StepResultView } from './dto/assignment.views';
import { GetAssignmentQuery } from './dto/get-assignment.query';
import { ListAssignmentsQuery } from './dto/list-assignments.query';

const ACTORS = ['agency', 'supervisor', 'admin'] as const;
const SUPERVISORS = ['supervisor', 'admin'] as const;

const NOT_FOUND = 'No such assignment, or not one of your agency (NOT_FOUND)';

@ApiTags('assignments')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyView, description: 'No bearer token, or an unknown or revoked one (UNAUTHENTICATED)' })
@ApiTooManyRequestsResponse({ type: ErrorBodyView, description: 'Over the rate limit (RATE_LIMITED), with Retry-After' })
@ApiServiceUnavailableResponse({ type: ErrorBodyView, description: 'Temporal or PostgreSQL is down or did not answer in time (SERVICE_UNAVAILABLE), with Retry-After' })
@Controller('api/assignments')
export class AssignmentsController {
  constructor(
    private readonly queries: AssignmentQueriesService,
    private readonly commands: AssignmentCommandsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Assignments from the projections, filtered and paged (keyset cursor)' })
  @ApiOkResponse({ type: AssignmentPageView })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'A malformed filter or date (VALIDATION_FAILED), an agency not in the registry (UNKNOWN_AGENCY), a cursor not handed out for this list (INVALID_CURSOR)' })
  @ApiForbiddenResponse({ type: ErrorBodyView, description: 'An agency token naming another agency (FORBIDDEN)' })
  @ApiNotFoundResponse({ type: ErrorBodyView, description: 'No directive has the id in ?directive= (NOT_FOUND)' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListAssignmentsQuery) {
    return this.queries.list(principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Stage, status, agencies and tracks, deadlines (original and adjusted), version' })
  @ApiOkResponse({ type: AssignmentView })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'A parameter other than consistent, or consistent not true/false (VALIDATION_FAILED)' })
  @ApiNotFoundResponse({ type: ErrorBodyView, description: NOT_FOUND })
  @ApiServiceUnavailableResponse({
    type: ErrorBodyView,
    description: 'Temporal or PostgreSQL is down or did not answer in time (SERVICE_UNAVAILABLE), or, with consistent=true, its workflow is still starting (ASSIGNMENT_STARTING); with Retry-After',
  })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: GetAssignmentQuery) {
    return this.queries.get(principal, id, query.consistent === true);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Every event of the assignment in order, with actor and time' })
  @ApiOkResponse({ type: AssignmentTimelineView })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'Any query parameter: it takes none (VALIDATION_FAILED)' })
  @ApiNotFoundResponse({ type: ErrorBodyView, description: NOT_FOUND })
  timeline(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() _query: NoParametersQuery) {
    return this.queries.timeline(principal, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @CommandDocs('The lead agency acknowledges receipt')
  // Below the response decorators: applied before them, its untyped 403 gains their error body instead of replacing it.
  @Roles(...ACTORS)
  acknowledge(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() _body: EmptyCommandDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'Acknowledge' }, key);
  }

  @Post(':id/research')
  @HttpCode(200)
  @CommandDocs('The lead or a coordinator records research progress (its own contribution)')
  @Roles(...ACTORS)
  research(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ResearchDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'RecordResearch', note: body.note }, key);
  }

  @Post(':id/propose')
  @HttpCode(200)
  @CommandDocs('The lead submits a proposal, saying whether it is beyond provincial competence')
  @Roles(...ACTORS)
  propose(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ProposeDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'SubmitProposal', summary: body.summary, beyondProvincialCompetence: body.beyondProvincialCompetence }, key);
  }

  @Post(':id/review')
  @HttpCode(200)
  @CommandDocs('The supervisor accepts the proposal or returns it to research with a comment')
  @Roles(...SUPERVISORS)
  review(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ReviewDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'ReviewProposal', decision: body.decision, comment: body.comment }, key);
  }

  @Post(':id/escalate')
  @HttpCode(200)
  @CommandDocs('Escalate to the Centre (pauses the provincial clock)')
  @Roles(...ACTORS)
  escalate(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: EscalateDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'EscalateToCentre', centralBody: body.centralBody, summary: body.summary }, key);
  }

  @Post(':id/centre-response')
  @HttpCode(200)
  @CommandDocs("Record the Centre's response (the clock resumes)")
  @Roles(...SUPERVISORS)
  centreResponse(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: CentreResponseDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'RecordCentreResponse', response: body.response }, key);
  }

  @Post(':id/report')
  @HttpCode(200)
  @CommandDocs('The lead submits the report')
  @Roles(...ACTORS)
  report(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ReportDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'SubmitReport', summary: body.summary }, key);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @CommandDocs('The supervisor accepts the report and closes; the on-time or late verdict is fixed now')
  @Roles(...SUPERVISORS)
  confirm(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ConfirmDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'ConfirmReport', comment: body.comment }, key);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @CommandDocs('The supervisor rejects the report: it goes back to the lead to revise, at the stage it was written in')
  @Roles(...SUPERVISORS)
  reject(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: RejectDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'RejectReport', comment: body.comment }, key);
  }

  @Post(':id/extension')
  @HttpCode(200)
  @CommandDocs('The lead requests an extension to a new date')
  @Roles(...ACTORS)
  extension(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ExtensionDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'RequestExtension', reason: body.reason, newDueAt: body.newDueAt }, key);
  }

  @Post(':id/extension-decision')
  @HttpCode(200)
  @CommandDocs('The supervisor approves or denies the pending extension (original and adjusted deadlines are both kept)')
  @Roles(...SUPERVISORS)
  extensionDecision(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ExtensionDecisionDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'DecideExtension', decision: body.decision, comment: body.comment }, key);
  }

  @Post(':id/extension-withdrawal')
  @HttpCode(200)
  @CommandDocs('The lead takes back its own extension request before it is decided (to ask for another date, say)')
  @Roles(...ACTORS)
  withdrawExtensionRequest(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: WithdrawExtensionRequestDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'WithdrawExtensionRequest', reason: body.reason }, key);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @CommandDocs('The issuing authority withdraws the assignment')
  @Roles(...SUPERVISORS)
  withdraw(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: WithdrawDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'Withdraw', reason: body.reason }, key);
  }
}

function CommandDocs(summary: string): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: `${summary}. Answers the new state and the appended events.` }),
    ApiIdempotencyKey(),
    ApiOkResponse({ type: StepResultView }),
    ApiBadRequestResponse({
      type: ErrorBodyView,
      description: 'A malformed body (VALIDATION_FAILED), a malformed Idempotency-Key (INVALID_IDEMPOTENCY_KEY), an extension date in the past, not after the deadline in force or too far (EXTENSION_DATE_IN_PAST, EXTENSION_NOT_LATER, EXTENSION_TOO_FAR)',
    }),
    ApiForbiddenResponse({ type: ErrorBodyView, description: 'Any other role: FORBIDDEN; one the domain does not let take this step (not the lead, a supervisor acknowledging): NOT_PERMITTED' }),
    ApiNotFoundResponse({ type: ErrorBodyView, description: NOT_FOUND }),
    ApiConflictResponse({ type: ErrorBodyView, description: 'Not valid in the current stage (INVALID_TRANSITION, ASSIGNMENT_CLOSED, ASSIGNMENT_WITHDRAWN, EXTENSION_NOT_PENDING, EXTENSION_NOT_LATER…)' }),
    ApiPayloadTooLargeResponse({ type: ErrorBodyView, description: 'A body over DONDOC_BODY_LIMIT (PAYLOAD_TOO_LARGE)' }),
    ApiUnsupportedMediaTypeResponse({ type: ErrorBodyView, description: 'A body sent as anything but JSON (UNSUPPORTED_MEDIA_TYPE)' }),
    ApiUnprocessableEntityResponse({ type: ErrorBodyView }),
    ApiServiceUnavailableResponse({
      type: ErrorBodyView,
      description: 'Temporal or PostgreSQL is down or did not answer in time (SERVICE_UNAVAILABLE), or the assignment is stored and its workflow still starting (ASSIGNMENT_STARTING); with Retry-After',
    }),
  );
}
