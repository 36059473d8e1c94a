import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth';
import { NoParametersQuery } from '../common/no-parameters.query';
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
import { GetAssignmentQuery } from './dto/get-assignment.query';
import { ListAssignmentsQuery } from './dto/list-assignments.query';

const ACTORS = ['agency', 'supervisor', 'admin'] as const;
const SUPERVISORS = ['supervisor', 'admin'] as const;

@ApiTags('assignments')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such assignment, or not one of your agency (NOT_FOUND)' })
@Controller('api/assignments')
export class AssignmentsController {
  constructor(
    private readonly queries: AssignmentQueriesService,
    private readonly commands: AssignmentCommandsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Assignments from the projections, filtered and paged (keyset cursor)' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListAssignmentsQuery) {
    return this.queries.list(principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Stage, status, agencies and tracks, deadlines (original and adjusted), version' })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: GetAssignmentQuery) {
    return this.queries.get(principal, id, query.consistent === true);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Every event of the assignment in order, with actor and time' })
  timeline(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() _query: NoParametersQuery) {
    return this.queries.timeline(principal, id);
  }

  @Post(':id/acknowledge')
  @Roles(...ACTORS)
  @HttpCode(200)
  @CommandDocs('The lead agency acknowledges receipt')
  acknowledge(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() _body: EmptyCommandDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'Acknowledge' }, key);
  }

  @Post(':id/research')
  @Roles(...ACTORS)
  @HttpCode(200)
  @CommandDocs('The lead or a coordinator records research progress (its own contribution)')
  research(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ResearchDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'RecordResearch', note: body.note }, key);
  }

  @Post(':id/propose')
  @Roles(...ACTORS)
  @HttpCode(200)
  @CommandDocs('The lead submits a proposal, saying whether it is beyond provincial competence')
  propose(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ProposeDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'SubmitProposal', summary: body.summary, beyondProvincialCompetence: body.beyondProvincialCompetence }, key);
  }

  @Post(':id/review')
  @Roles(...SUPERVISORS)
  @HttpCode(200)
  @CommandDocs('The supervisor accepts the proposal or returns it to research with a comment')
  review(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ReviewDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'ReviewProposal', decision: body.decision, comment: body.comment }, key);
  }

  @Post(':id/escalate')
  @Roles(...ACTORS)
  @HttpCode(200)
  @CommandDocs('Escalate to the Centre (pauses the provincial clock)')
  escalate(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: EscalateDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'EscalateToCentre', centralBody: body.centralBody, summary: body.summary }, key);
  }

  @Post(':id/centre-response')
  @Roles(...SUPERVISORS)
  @HttpCode(200)
  @CommandDocs("Record the Centre's response (the clock resumes)")
  centreResponse(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: CentreResponseDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'RecordCentreResponse', response: body.response }, key);
  }

  @Post(':id/report')
  @Roles(...ACTORS)
  @HttpCode(200)
  @CommandDocs('The lead submits the report')
  report(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ReportDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'SubmitReport', summary: body.summary }, key);
  }

  @Post(':id/confirm')
  @Roles(...SUPERVISORS)
  @HttpCode(200)
  @CommandDocs('The supervisor accepts the report and closes; the on-time or late verdict is fixed now')
  confirm(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ConfirmDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'ConfirmReport', comment: body.comment }, key);
  }

  @Post(':id/reject')
  @Roles(...SUPERVISORS)
  @HttpCode(200)
  @CommandDocs('The supervisor rejects the report: it goes back to the lead to revise, at the stage it was written in')
  reject(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: RejectDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'RejectReport', comment: body.comment }, key);
  }

  @Post(':id/extension')
  @Roles(...ACTORS)
  @HttpCode(200)
  @CommandDocs('The lead requests an extension to a new date')
  extension(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ExtensionDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'RequestExtension', reason: body.reason, newDueAt: body.newDueAt }, key);
  }

  @Post(':id/extension-decision')
  @Roles(...SUPERVISORS)
  @HttpCode(200)
  @CommandDocs('The supervisor approves or denies the pending extension (original and adjusted deadlines are both kept)')
  extensionDecision(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: ExtensionDecisionDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'DecideExtension', decision: body.decision, comment: body.comment }, key);
  }

  @Post(':id/extension-withdrawal')
  @Roles(...ACTORS)
  @HttpCode(200)
  @CommandDocs('The lead takes back its own extension request before it is decided (to ask for another date, say)')
  withdrawExtensionRequest(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: WithdrawExtensionRequestDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'WithdrawExtensionRequest', reason: body.reason }, key);
  }

  @Post(':id/withdraw')
  @Roles(...SUPERVISORS)
  @HttpCode(200)
  @CommandDocs('The issuing authority withdraws the assignment')
  withdraw(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: WithdrawDto, @IdempotencyKey() key?: string) {
    return this.commands.execute(p, id, { type: 'Withdraw', reason: body.reason }, key);
  }
}

function CommandDocs(summary: string): MethodDecorator {
  return (target, key, descriptor) => {
    ApiOperation({ summary: `${summary}. Answers the new state and the appended events.` })(target, key, descriptor);
    ApiIdempotencyKey()(target, key, descriptor);
    ApiConflictResponse({ description: 'Not valid in the current stage (stable code, e.g. INVALID_TRANSITION)' })(target, key, descriptor);
  };
}
