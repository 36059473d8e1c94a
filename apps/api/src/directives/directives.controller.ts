import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth';
import { NoParametersQuery } from '../common/no-parameters.query';
import { ErrorBodyView } from '../errors/dto/error-body.view';
import { IdempotencyKey } from '../idempotency';
import { DirectiveWithdrawalService } from './directive-withdrawal.service';
import { CreateDirectiveDto } from './dto/create-directive.dto';
import { DirectiveCreationView, DirectiveSummaryView, DirectiveView, NoticeImportView } from './dto/directive.views';
import { ImportNoticeQuery } from './dto/import-notice.query';
import { WithdrawDirectiveDocs, WithdrawDirectiveDto } from './dto/withdraw-directive.dto';
import { DirectivesService } from './directives.service';

@ApiTags('directives')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyView, description: 'No bearer token, or an unknown or revoked one (UNAUTHENTICATED)' })
@ApiTooManyRequestsResponse({ type: ErrorBodyView, description: 'Over the rate limit (RATE_LIMITED), with Retry-After' })
@ApiServiceUnavailableResponse({ type: ErrorBodyView, description: 'Temporal or PostgreSQL is down or did not answer in time (SERVICE_UNAVAILABLE), with Retry-After' })
@Controller('api/directives')
export class DirectivesController {
  constructor(
    private readonly directives: DirectivesService,
    private readonly withdrawals: DirectiveWithdrawalService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a directive with its assignments (structured JSON); its workflows start. 201 when created, 200 for a repeat' })
  @ApiCreatedResponse({ type: DirectiveCreationView, description: 'Created (`created: true`)' })
  @ApiOkResponse({ type: DirectiveCreationView, description: 'A repeat of a stored directive (same id and content): nothing new (`created: false`)' })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'A malformed body or plan (VALIDATION_FAILED), an agency not in the registry (UNKNOWN_AGENCY)' })
  @ApiForbiddenResponse({ type: ErrorBodyView, description: 'Any other role: FORBIDDEN' })
  @ApiConflictResponse({ type: ErrorBodyView, description: 'Other content under an id already taken (DIRECTIVE_ALREADY_EXISTS), an assignment id another directive holds (ASSIGNMENT_ID_TAKEN)' })
  @ApiPayloadTooLargeResponse({ type: ErrorBodyView, description: 'A body over DONDOC_BODY_LIMIT (PAYLOAD_TOO_LARGE), a directive over 1.5 MiB once compressed (DIRECTIVE_TOO_LARGE)' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorBodyView, description: 'A body sent as anything but JSON (UNSUPPORTED_MEDIA_TYPE)' })
  // Below the response decorators: applied before them, its untyped 403 gains their error body instead of replacing it.
  @Roles('supervisor', 'admin')
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateDirectiveDto, @Res({ passthrough: true }) response: Response) {
    const state = await this.directives.create(principal, dto);
    response.status(state.created ? 201 : 200);
    return state;
  }

  @Post('import')
  @ApiOperation({
    summary: "Import a conclusion notice's text (UTF-8, or UTF-16 with its BOM): section 3 becomes a directive with assignments. 201 when it created the directive, 200 for a dry run or a notice already imported",
    description: 'A notice that would create a directive while an active one of the same issuer and issue date exists under another id is refused (409 SIMILAR_DIRECTIVE_EXISTS, naming it) unless allowSimilar=true says it is another notice of that day; a dry run warns of it instead (warning SIMILAR_DIRECTIVE_EXISTS)',
  })
  @ApiConsumes('text/plain')
  @ApiBody({ schema: { type: 'string' } })
  @ApiCreatedResponse({ type: NoticeImportView, description: 'The directive was created from the notice' })
  @ApiOkResponse({ type: NoticeImportView, description: 'A dry run (no `state`), or a notice imported before (`alreadyImported: true`, `state.created: false`)' })
  @ApiBadRequestResponse({
    type: ErrorBodyView,
    description: 'Not text in a known encoding (NOTICE_NOT_TEXT), a notice the parser cannot read (NOTICE_EMPTY_INPUT, NOTICE_NO_SECTION_3, NOTICE_NO_ASSIGNMENTS, NOTICE_NO_ISSUE_DATE…), a bad dryRun or allowSimilar (VALIDATION_FAILED)',
  })
  @ApiForbiddenResponse({ type: ErrorBodyView, description: 'Any other role: FORBIDDEN' })
  @ApiConflictResponse({
    type: ErrorBodyView,
    description: 'An assignment id another directive holds (ASSIGNMENT_ID_TAKEN); an active directive of the same issuer and issue date under another id, without allowSimilar=true (SIMILAR_DIRECTIVE_EXISTS, `details`: `{ directiveId, similar: [{ directiveId, title }] }`); a notice imported and withdrawn since (DIRECTIVE_WITHDRAWN; the dry run warns IMPORTED_AND_WITHDRAWN)',
  })
  @ApiPayloadTooLargeResponse({ type: ErrorBodyView, description: 'A body over DONDOC_BODY_LIMIT (PAYLOAD_TOO_LARGE), a directive over 1.5 MiB once compressed (DIRECTIVE_TOO_LARGE)' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorBodyView, description: 'Not sent as text/plain (UNSUPPORTED_MEDIA_TYPE)' })
  @Roles('supervisor', 'admin')
  async import(@CurrentPrincipal() principal: Principal, @Body() body: unknown, @Headers('content-type') contentType: string | undefined, @Query() query: ImportNoticeQuery, @Res({ passthrough: true }) response: Response) {
    const imported = await this.directives.import(principal, body, contentType, { dryRun: query.dryRun === true, allowSimilar: query.allowSimilar === true });
    response.status('state' in imported && imported.state.created ? 201 : 200);
    return imported;
  }

  @Get()
  @ApiOperation({ summary: 'Directives, newest first' })
  @ApiOkResponse({ type: [DirectiveSummaryView] })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'Any query parameter: it takes none (VALIDATION_FAILED)' })
  list(@Query() _query: NoParametersQuery) {
    return this.directives.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'A directive with its assignments and their roll-up' })
  @ApiOkResponse({ type: DirectiveView })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'An id PostgreSQL could not store, a NUL say (VALIDATION_FAILED)' })
  @ApiNotFoundResponse({ type: ErrorBodyView, description: 'No directive has this id (NOT_FOUND)' })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.directives.get(principal, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @WithdrawDirectiveDocs()
  @Roles('supervisor', 'admin')
  withdraw(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: WithdrawDirectiveDto, @IdempotencyKey() key?: string) {
    return this.withdrawals.withdraw(principal, id, body.reason, key);
  }
}
