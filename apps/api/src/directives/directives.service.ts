import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { findAgency } from '@app/agencies';
import type { CreateDirectiveRequest, DirectiveWorkflowState } from '@app/contracts';
import { decideDirective, initialDirectiveState, isDeadlineSpec, MS_PER_DAY, STAGE_MILESTONES, trackIdOf, type DeadlineSpec, type DirectiveCreated, type ExistingDirective, type StageDeadlineSpecs, type StageMilestone } from '@app/domain';
import type { Sql } from '@app/event-store';
import { decodeNotice, type Warning } from '@app/notice-import';
import { encodedPayloadBytes } from '@app/payload-codec';
import { AssignmentSummaryRepository, DirectiveSummaryRepository, type AssignmentSummaryView } from '@app/read-models';
import { actorOf, type Principal } from '../auth';
import { ownAgencyFilter, requireAssignable } from '../common/known-agency';
import type { ApiConfig } from '../core/core.module';
import { CONFIG, SQL, TEMPORAL_CLIENT } from '../core/tokens';
import { ApiError, notFound } from '../errors/api-error';
import { stableJson } from '../idempotency/request-hash';
import { translateWorkflowError } from '../temporal/temporal-errors';
import type { CreateDirectiveDto, DeadlineDto, StageDeadlinesDto } from './dto/create-directive.dto';
import { withDirectiveScopedIds } from './notice-to-directive';
import { planImport, resolveImport, similarDirectivesMessage, similarDirectivesWarning } from './plan-import';
import { admitNewDirective, directiveEnded, startDirective } from './start-directive';

/** How an import says it is another notice of the day on purpose (the import route's query flag). */
const ALLOW_SIMILAR = '?allowSimilar=true';

@Injectable()
export class DirectivesService {
  private readonly summaries: DirectiveSummaryRepository;
  private readonly assignments: AssignmentSummaryRepository;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CONFIG) private readonly config: ApiConfig,
    @Inject(SQL) sql: Sql,
  ) {
    this.summaries = new DirectiveSummaryRepository(sql);
    this.assignments = new AssignmentSummaryRepository(sql);
  }

  create(principal: Principal, dto: CreateDirectiveDto): Promise<DirectiveWorkflowState> {
    const directive: CreateDirectiveRequest['directive'] = {
      title: dto.title,
      number: dto.number ?? null,
      issuingBody: dto.issuingBody ?? null,
      issuedOn: dto.issuedOn ?? null,
      sourceText: dto.sourceText ?? null,
      reportingCadence: dto.reportingCadenceDays ? { everyMs: dto.reportingCadenceDays * MS_PER_DAY } : undefined,
      timerPolicy: dto.timerPolicy,
      assignments: dto.assignments.map((plan) => ({
        id: plan.key,
        paragraph: plan.paragraph ?? null,
        text: plan.text,
        kind: plan.kind,
        agencies: plan.agencies,
        deadline: deadlineOf(plan.key, plan.deadline),
        centralCompetence: plan.centralCompetence ?? false,
        ...(plan.stageDeadlines ? { stageDeadlines: stageDeadlinesOf(`Assignment ${plan.key}`, plan.stageDeadlines) } : {}),
      })),
      ...(dto.defaultStageDeadlines ? { defaultStageDeadlines: stageDeadlinesOf('defaultStageDeadlines', dto.defaultStageDeadlines) } : {}),
    };
    requireKnownAgencies(directive);
    return this.start(principal, dto.id, directive);
  }

  /**
   * Parses the notice; a dry run answers what would be created and stores nothing. Importing twice creates nothing
   * new. One that would stand beside an active directive of the same issuer and date is refused unless `allowSimilar`
   * (a dry run warns of it).
   */
  async import(principal: Principal, body: unknown, contentType: string | undefined, { dryRun, allowSimilar }: { dryRun: boolean; allowSimilar: boolean }) {
    if (!(body instanceof Uint8Array)) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the notice as text/plain (UTF-8)');
    const decoded = decodeNotice(body, charsetOf(contentType));
    if (!decoded.ok) throw new ApiError(400, 'NOTICE_NOT_TEXT', decoded.message);
    const planned = planImport(decoded.text, this.config.importPolicy);
    if (!planned.ok) throw new ApiError(400, `NOTICE_${planned.error.code}`, planned.error.message);
    // A notice imported by an earlier release keeps the id it was given then. Each id is read once.
    const states = new Map<string, Awaited<ReturnType<DirectiveSummaryRepository['findState']>>>();
    const storedAs = async (id: string) => (states.has(id) ? states.get(id) : states.set(id, await this.summaries.findState(id)).get(id));
    const { plan, similar } = await resolveImport(planned, {
      isStored: async (id) => (await storedAs(id)) !== undefined,
      issuedBy: (issuingBody, issuedOn) => this.summaries.issuedBy(issuingBody, issuedOn),
    });
    const stored = await storedAs(plan.directiveId);
    // A dry run answers as the import would: a notice whose assignments another directive holds is refused here too.
    await this.requireIdsFree(plan.directiveId, plan.directive);
    if (!stored) admitNewDirective(plan.directiveId, plan.directive, actorOf(principal));
    const warnings = [
      ...plan.warnings,
      ...(similar.length > 0 ? [similarDirectivesWarning(plan, similar, ALLOW_SIMILAR)] : []),
      ...monitorKept(stored?.state.monitoringAgency, plan.directive.monitoringAgency),
      ...(stored?.state.withdrawal ? [{ code: 'IMPORTED_AND_WITHDRAWN' as const, message: withdrawnMessage(plan.directiveId, stored.state.withdrawal) }] : []),
    ];
    const preview = { directiveId: plan.directiveId, alreadyImported: stored !== undefined, warnings, directive: plan.directive };
    if (dryRun) return { dryRun: true, ...preview };
    if (similar.length > 0 && !allowSimilar) {
      const details = { directiveId: plan.directiveId, similar: similar.map(({ directiveId, title }) => ({ directiveId, title })) };
      throw new ApiError(409, 'SIMILAR_DIRECTIVE_EXISTS', similarDirectivesMessage(plan, similar, ALLOW_SIMILAR), details);
    }
    if (stored?.state.withdrawal) throw new ApiError(409, 'DIRECTIVE_WITHDRAWN', withdrawnMessage(plan.directiveId, stored.state.withdrawal), { directiveId: plan.directiveId });
    // Imported already and ended (every assignment done): the directive as it stands; a new run would create it again.
    const ended = stored && (await directiveEnded(this.client, plan.directiveId));
    const state = stored && ended ? storedView(plan.directiveId, stored) : await this.startScoped(principal, plan.directiveId, plan.directive);
    return { dryRun: false, ...preview, state };
  }

  async get(principal: Principal, id: string) {
    const summary = await this.summaries.find(id);
    if (!summary) throw notFound('Directive', id);
    const agencies = ownAgencyFilter(principal);
    const now = new Date().toISOString();
    // Every assignment, however many (a directive may hold thousands): page by page, tracks left to their parents.
    const assignments: AssignmentSummaryView[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.assignments.list({ directiveId: id, ...agencies, topLevel: true, limit: 500, cursor, now });
      assignments.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return { ...summary, sourceText: await this.summaries.sourceText(id), assignments };
  }

  list() {
    return this.summaries.list();
  }

  /**
   * Ids are `<directiveId>-<key>`, so two directives can name the same assignment ("TB-12" with key "3-1" and
   * "TB-12-3" with key "1"): the second is refused before it starts, instead of its creation failing on the first's
   * event stream.
   */
  private async requireIdsFree(directiveId: string, directive: CreateDirectiveRequest['directive']): Promise<void> {
    const taken = await this.assignments.takenByAnotherDirective(assignmentIdsOf(directive), directiveId);
    if (taken) {
      throw new ApiError(409, 'ASSIGNMENT_ID_TAKEN', `Assignment ${taken.assignmentId} already belongs to directive ${taken.directiveId}; choose another directive id or key`, taken);
    }
  }

  /**
   * A repeat of a stored directive creates nothing (`created: false`): answered as it stands once its workflow has
   * ended (a new run would try to create it again); while it runs, the workflow answers (it says which request
   * created the directive), once every assignment is started.
   */
  private async start(principal: Principal, directiveId: string, directive: CreateDirectiveRequest['directive']): Promise<DirectiveWorkflowState> {
    const scoped = withDirectiveScopedIds(directiveId, directive);
    const stored = await this.existingIfSame(principal, directiveId, scoped);
    if (!stored) admitNewDirective(directiveId, scoped, actorOf(principal));
    return stored && (await directiveEnded(this.client, directiveId)) ? stored : this.startScoped(principal, directiveId, scoped);
  }

  /**
   * A repeat of a creation (a retry) is the directive as stored; another directive under an id already taken is refused,
   * instead of answering 201 with the first one's state and creating nothing of its own. Compared as the domain would
   * store it (text trimmed, plans validated), so a retry is a repeat however its text was spaced.
   */
  private async existingIfSame(principal: Principal, directiveId: string, directive: CreateDirectiveRequest['directive']): Promise<DirectiveWorkflowState | undefined> {
    const stored = await this.summaries.findState(directiveId);
    if (!stored) return undefined;
    const existing = stored.state;
    const command = { ...directive, type: 'CreateDirective' as const, directiveId, at: new Date().toISOString(), actor: actorOf(principal) };
    const [created] = decideDirective(command, initialDirectiveState);
    if (created.type !== 'DirectiveCreated' || stableJson(storedAs(created.data)) !== stableJson(storedAs(existing))) {
      throw new ApiError(409, 'DIRECTIVE_ALREADY_EXISTS', `Directive ${directiveId} already exists with other content; choose another id`, { directiveId });
    }
    return storedView(directiveId, stored);
  }

  private async startScoped(principal: Principal, directiveId: string, directive: CreateDirectiveRequest['directive']): Promise<DirectiveWorkflowState> {
    const request: CreateDirectiveRequest = { directive, actor: actorOf(principal), correlationId: randomUUID(), tokenId: principal.tokenId };
    await requireFitsInOneWorkflowPayload(request);
    await this.requireIdsFree(directiveId, directive);
    try {
      return await startDirective(this.client, this.config.taskQueue, directiveId, request, this.config.updateTimeoutMs);
    } catch (error) {
      throw translateWorkflowError(error, 'Directive', directiveId);
    }
  }
}

/** A notice imported and then withdrawn: an import would look like success while nothing is followed up. */
function withdrawnMessage(directiveId: string, withdrawal: { reason: string; at: string }): string {
  return `This notice was imported as ${directiveId} and withdrawn at ${withdrawal.at} (${withdrawal.reason}): nothing of it is followed up, and it cannot be imported again under that id`;
}

/**
 * The monitoring paragraph is not part of a notice's fingerprint: a copy that names another monitor is the directive
 * imported already, which keeps its own. Said, so the dry run's preview is not taken for what will be followed.
 */
function monitorKept(stored: string | undefined, named: string | undefined): Warning[] {
  if (stored === undefined || named === undefined || stored === named) return [];
  return [{ code: 'MONITOR_KEPT', message: `This notice was imported already, monitored by ${stored}; this copy names ${named}, which is not applied: the directive keeps ${stored}, and so do the items this preview gives ${named} for want of an addressee` }];
}

/** The charset parameter of a Content-Type, if any. */
function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '')?.[2];
}

/** A directive already stored, as a repeat of its creation answers (read from the projection: its workflow may have ended). */
function storedView(directiveId: string, stored: { state: ExistingDirective; version: number }): DirectiveWorkflowState {
  return { directiveId, created: false, version: stored.version, assignmentIds: stored.state.assignments.map((plan) => plan.id) };
}

/** What a directive's creation stores, but for when and by whom. */
function storedAs(data: Omit<DirectiveCreated['data'], 'at' | 'directiveId'>): unknown {
  const { number, title, issuingBody, issuedOn, sourceText, monitoringAgency, reportingCadence, timerPolicy, assignments, defaultStageDeadlines } = data;
  return { number, title, issuingBody, issuedOn, sourceText, monitoringAgency, reportingCadence, timerPolicy, assignments, defaultStageDeadlines };
}

/** Every assignment and track id the directive would create (its workflow ids and event streams). */
function assignmentIdsOf(directive: CreateDirectiveRequest['directive']): string[] {
  return (directive.assignments ?? []).flatMap((plan) => [plan.id, ...(plan.kind === 'eachOf' ? plan.agencies.map((a) => trackIdOf(plan.id, a.agency)) : [])]);
}

function deadlineOf(key: string, dto: DeadlineDto, what = 'deadline', subject = `Assignment ${key}`): DeadlineSpec {
  const spec = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
  if (!isDeadlineSpec(spec)) {
    throw new ApiError(400, 'VALIDATION_FAILED', `${subject}: ${what} of kind ${dto.kind} needs ${dto.kind === 'date' ? 'date' : dto.kind === 'instant' ? 'at' : 'days'}`);
  }
  return spec;
}

/** Each stage deadline checked like the overall one; order and bounds are the domain's to check. */
function stageDeadlinesOf(subject: string, dto: StageDeadlinesDto): StageDeadlineSpecs {
  const specs: { -readonly [S in StageMilestone]?: DeadlineSpec } = {};
  for (const stage of STAGE_MILESTONES) {
    const stageDto = dto[stage];
    if (stageDto) specs[stage] = deadlineOf(subject, stageDto, `stageDeadlines.${stage}`, subject);
  }
  return specs;
}

/**
 * The directive travels to its workflow as one payload (gzipped when large), and its state is as large: Temporal
 * refuses payloads over 2 MB. Checked here on the encoded size, so a directive that large (only possible with
 * DONDOC_BODY_LIMIT raised) is a clear 413 and not a failure half-way through creation.
 */
const MAX_DIRECTIVE_BYTES = 1.5 * 1024 * 1024;

async function requireFitsInOneWorkflowPayload(request: CreateDirectiveRequest): Promise<void> {
  // Compressed only when it would not fit as it is: the Temporal client compresses it again on the way.
  if (Buffer.byteLength(JSON.stringify(request), 'utf8') <= MAX_DIRECTIVE_BYTES) return;
  const bytes = await encodedPayloadBytes(request);
  if (bytes <= MAX_DIRECTIVE_BYTES) return;
  const mib = (n: number): string => (n / 1024 / 1024).toFixed(1);
  throw new ApiError(
    413,
    'DIRECTIVE_TOO_LARGE',
    `This directive is ${mib(bytes)} MiB once compressed for its workflow; one directive holds at most ${mib(MAX_DIRECTIVE_BYTES)} MiB (tens of thousands of assignments). Split it into several directives.`,
  );
}

/**
 * The issuing body and every agency named are in the registry, and the agencies are given work; a refusal names the
 * first assignment at fault.
 */
function requireKnownAgencies(directive: CreateDirectiveRequest['directive']): void {
  const issuer = directive.issuingBody;
  if (issuer && !findAgency(issuer)) throw new ApiError(400, 'UNKNOWN_AGENCY', `No agency has the code ${issuer} (issuingBody; see GET /api/agencies)`, { field: 'issuingBody' });
  const named = (directive.assignments ?? []).flatMap((plan, index) => plan.agencies.map((a) => ({ code: a.agency, field: `assignments[${index}].agencies` })));
  const unknown = named.filter(({ code }) => !findAgency(code));
  if (unknown.length > 0) {
    const codes = [...new Set(unknown.map(({ code }) => code))];
    throw new ApiError(400, 'UNKNOWN_AGENCY', `Unknown agency code(s): ${codes.join(', ')} (see GET /api/agencies)`, { field: unknown[0].field });
  }
  for (const { code, field } of named) requireAssignable(code, field);
}
