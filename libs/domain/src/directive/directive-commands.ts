import { isDeadlineSpec, resolveDeadline } from '../calendar/deadline';
import { resolveStageDeadlines, type CreateAssignment } from '../assignment/assignment-commands';
import { ASSIGNMENT_STATUSES, STAGE_MILESTONES, trackIdOf, type AgencyAssignment, type AssignmentStatus, type StageDeadlineSpecs, type StageMilestone, type TimerPolicy } from '../assignment/assignment-types';
import { describeActor, type Actor } from '../shared/actor';
import { DomainError, type DomainErrorCode } from '../shared/domain-error';
import { MAX_SOURCE_TEXT_LENGTH, optionalText, requireAgencyCode, requireId, requireText } from '../shared/text';
import { MS_PER_DAY, canonicalInstant, isAfter, isIsoDate, isIsoInstant, toIso, toMs } from '../shared/time';
import { vnLocalDate } from '../calendar/working-days';
import type { AssignmentPlan, DirectiveEvent, DirectiveState, ExistingDirective, ReportingCadence, StatusCounts } from './directive';

export const MONITORING_AGENCY = 'VPTU';
export const DEFAULT_REPORTING_CADENCE: ReportingCadence = { everyMs: 30 * MS_PER_DAY };
export const DEFAULT_TIMER_POLICY: TimerPolicy = { remindBeforeMs: [3 * MS_PER_DAY, MS_PER_DAY], ladderAfterMs: [MS_PER_DAY, 3 * MS_PER_DAY, 7 * MS_PER_DAY] };

export type CreateDirective = {
  type: 'CreateDirective';
  at: string;
  actor: Actor;
  directiveId: string;
  title: string;
  number?: string | null;
  issuingBody?: string | null;
  /** YYYY-MM-DD, local date. */
  issuedOn?: string | null;
  sourceText?: string | null;
  monitoringAgency?: string;
  reportingCadence?: ReportingCadence;
  timerPolicy?: TimerPolicy;
  assignments?: readonly AssignmentPlan[];
  /**
   * Stage deadlines, relative (workingDays or calendarDays), for plans without their own, e.g.
   * `{ acknowledge: { kind: 'workingDays', days: 3 }, propose: { kind: 'workingDays', days: 15 } }`. A default stage
   * that would fall after a plan's overall deadline is left out for that plan. Absent: no stage deadlines.
   */
  defaultStageDeadlines?: StageDeadlineSpecs;
};
export type RecordCompiledReport = { type: 'RecordCompiledReport'; at: string; actor: Actor; periodEnd: string; counts: StatusCounts };
export type WithdrawDirective = { type: 'Withdraw'; at: string; actor: Actor; reason: string };

export type DirectiveCommand = CreateDirective | RecordCompiledReport | WithdrawDirective;

const fail = (code: DomainErrorCode, message: string, details?: Record<string, unknown>): never => {
  throw new DomainError(code, message, details);
};

function requireActor(actor: Actor, kinds: readonly Actor['kind'][], what: string): void {
  if (!kinds.includes(actor?.kind)) fail('NOT_PERMITTED', `Only ${kinds.join(' or ')} may ${what}; ${actor ? describeActor(actor) : 'nobody'} may not`);
}

function validatePlan(plan: AssignmentPlan, i: number): AssignmentPlan {
  const field = `assignments[${i}]`;
  if (plan?.kind !== 'single' && plan?.kind !== 'eachOf') fail('VALIDATION_FAILED', `${field}.kind must be single or eachOf`, { field: `${field}.kind` });
  if (!isDeadlineSpec(plan.deadline)) fail('VALIDATION_FAILED', `${field}.deadline is not a deadline spec`, { field: `${field}.deadline` });
  if (typeof plan.centralCompetence !== 'boolean') fail('VALIDATION_FAILED', `${field}.centralCompetence must be true or false`, { field: `${field}.centralCompetence` });
  const agencies: AgencyAssignment[] = (Array.isArray(plan.agencies) ? plan.agencies : []).map((a, j) => ({ agency: requireAgencyCode(a?.agency, `${field}.agencies[${j}].agency`), role: a.role }));
  const leads = agencies.filter((a) => a.role === 'lead').length;
  const rolesOk = agencies.every((a) => a.role === 'lead' || a.role === 'coordinator');
  const shapeOk = plan.kind === 'single' ? leads === 1 : leads === agencies.length;
  if (agencies.length === 0 || !rolesOk || !shapeOk || new Set(agencies.map((a) => a.agency)).size !== agencies.length) {
    fail('VALIDATION_FAILED', `${field}.agencies: single needs exactly one lead (plus coordinators); eachOf lists distinct agencies, each a lead`, { field: `${field}.agencies` });
  }
  const validated: AssignmentPlan = { id: requireId(plan.id, `${field}.id`), paragraph: optionalText(plan.paragraph, `${field}.paragraph`), text: requireText(plan.text, `${field}.text`), kind: plan.kind, agencies, deadline: plan.deadline, centralCompetence: plan.centralCompetence };
  return plan.stageDeadlines == null ? validated : { ...validated, stageDeadlines: copyStages(plan.stageDeadlines) };
}

function copyStages(specs: StageDeadlineSpecs): StageDeadlineSpecs {
  if (typeof specs !== 'object' || Array.isArray(specs)) return specs; // rejected by resolveStageDeadlines
  return Object.fromEntries(Object.entries(specs).filter(([, spec]) => spec !== undefined)) as StageDeadlineSpecs;
}

/** What the assignments' relative deadlines count from: the issue date when known, else the creation. */
const deadlineFromOf = (issuedOn: string | null, createdAt: string): string => (issuedOn ? `${issuedOn}T00:00:00.000+07:00` : createdAt);

function validateDefaultStages(specs: StageDeadlineSpecs, from: string): StageDeadlineSpecs {
  const field = 'defaultStageDeadlines';
  const copy = copyStages(specs);
  for (const stage of STAGE_MILESTONES) {
    const kind = copy?.[stage]?.kind;
    if (kind !== undefined && kind !== 'workingDays' && kind !== 'calendarDays') fail('VALIDATION_FAILED', `${field}.${stage} must be relative (workingDays or calendarDays)`, { field: `${field}.${stage}` });
  }
  resolveStageDeadlines(copy, from, '9999-12-31T23:59:59.999Z', field); // malformed or out of order: rejected now
  return copy;
}

function validateCadence(cadence: ReportingCadence): ReportingCadence {
  if (!Number.isInteger(cadence?.everyMs) || cadence.everyMs <= 0) fail('VALIDATION_FAILED', 'reportingCadence.everyMs must be a positive integer', { field: 'reportingCadence' });
  return { everyMs: cadence.everyMs };
}

function decideCreate(c: CreateDirective, state: DirectiveState): DirectiveEvent[] {
  if (state.exists) fail('DIRECTIVE_ALREADY_EXISTS', `Directive ${state.id} already exists`, { directiveId: state.id });
  requireActor(c.actor, ['supervisor', 'admin'], 'create a directive');
  const at = canonicalInstant(c.at);
  if (c.issuedOn != null && !isIsoDate(c.issuedOn)) fail('VALIDATION_FAILED', 'issuedOn must be YYYY-MM-DD', { field: 'issuedOn' });
  const assignments = (c.assignments ?? []).map(validatePlan);
  if (new Set(assignments.map((a) => a.id)).size !== assignments.length) fail('VALIDATION_FAILED', 'assignment ids must be distinct', { field: 'assignments' });
  for (const plan of assignments) resolveDeadline(plan.deadline, at); // rejects an unresolvable deadline now, not later
  // Stage deadlines resolve as the assignments will (from the issue date), so a bad one is rejected now, not later.
  const from = deadlineFromOf(c.issuedOn ?? null, at);
  assignments.forEach((plan, i) => resolveStageDeadlines(plan.stageDeadlines, from, resolveDeadline(plan.deadline, from), `assignments[${i}].stageDeadlines`));
  const defaultStageDeadlines = c.defaultStageDeadlines == null ? undefined : validateDefaultStages(c.defaultStageDeadlines, from);
  const timerPolicy = c.timerPolicy ?? DEFAULT_TIMER_POLICY;
  return [
    {
      type: 'DirectiveCreated',
      data: {
        directiveId: requireId(c.directiveId, 'directiveId'),
        number: optionalText(c.number, 'number'),
        title: requireText(c.title, 'title', 500),
        issuingBody: optionalText(c.issuingBody, 'issuingBody'),
        issuedOn: c.issuedOn ?? null,
        sourceText: optionalText(c.sourceText, 'sourceText', MAX_SOURCE_TEXT_LENGTH),
        monitoringAgency: requireAgencyCode(c.monitoringAgency ?? MONITORING_AGENCY, 'monitoringAgency'),
        reportingCadence: validateCadence(c.reportingCadence ?? DEFAULT_REPORTING_CADENCE),
        timerPolicy: { remindBeforeMs: [...timerPolicy.remindBeforeMs], ladderAfterMs: [...timerPolicy.ladderAfterMs] },
        assignments,
        ...(defaultStageDeadlines ? { defaultStageDeadlines } : {}),
        at,
      },
    },
  ];
}

function validateCounts(counts: StatusCounts): StatusCounts {
  const entries = ASSIGNMENT_STATUSES.map((status): [AssignmentStatus, number] => [status, counts?.[status] ?? 0]);
  if (!entries.every(([, n]) => Number.isInteger(n) && n >= 0)) fail('VALIDATION_FAILED', 'counts must be non-negative integers per status', { field: 'counts' });
  return Object.fromEntries(entries) as Record<AssignmentStatus, number>;
}

function decideReport(c: RecordCompiledReport, s: ExistingDirective, at: string): DirectiveEvent[] {
  requireActor(c.actor, ['system', 'supervisor'], 'record a compiled report');
  const periodEnd = canonicalInstant(c.periodEnd, 'periodEnd');
  const last = s.reports[s.reports.length - 1];
  if (last && !isAfter(periodEnd, last.periodEnd)) fail('VALIDATION_FAILED', `periodEnd must be after the previous report's ${last.periodEnd}`, { field: 'periodEnd' });
  return [{ type: 'CompiledReportProduced', data: { periodEnd, counts: validateCounts(c.counts), at } }];
}

/**
 * Refusals added after runs were recorded, applied when a creation is admitted (by the API, before the workflow
 * starts) and never inside `decideDirective`, which must decide again what recorded runs decided: a deadline before
 * the notice was issued (a year typed wrong) would put the work overdue at once and send every level of the ladder.
 */
export function admitDirectiveCommand(command: DirectiveCommand): void {
  if (command.type !== 'CreateDirective' || !Array.isArray(command.assignments) || typeof command.at !== 'string') return;
  const issuedOn = typeof command.issuedOn === 'string' && isIsoDate(command.issuedOn) ? command.issuedOn : vnLocalDate(canonicalInstant(command.at));
  command.assignments.forEach((plan, i) => {
    const fixed = [['deadline', plan?.deadline], ...Object.entries(plan?.stageDeadlines ?? {}).map(([stage, spec]) => [`stageDeadlines.${stage}`, spec])] as const;
    for (const [field, spec] of fixed) {
      const day = deadlineDay(spec);
      if (day === undefined || day >= issuedOn) continue;
      const named = typeof plan?.id === 'string' ? ` (${plan.id})` : '';
      fail('VALIDATION_FAILED', `assignments[${i}]${named}: the ${field} ${day} is before the notice's issue date ${issuedOn}`, { field: `assignments[${i}].${field}` });
    }
  });
}

/** The day in Vietnam a fixed deadline falls on; undefined for a relative one (or a spec the decider refuses). */
function deadlineDay(deadline: unknown): string | undefined {
  if (!isDeadlineSpec(deadline)) return undefined;
  if (deadline.kind === 'date') return isIsoDate(deadline.date) ? deadline.date : undefined;
  if (deadline.kind === 'instant') return isIsoInstant(deadline.at) ? vnLocalDate(canonicalInstant(deadline.at)) : undefined;
  return undefined;
}

export function decideDirective(command: DirectiveCommand, state: DirectiveState): DirectiveEvent[] {
  if (command.type === 'CreateDirective') return decideCreate(command, state);
  if (!state.exists) return fail('DIRECTIVE_NOT_FOUND', 'The directive does not exist');
  if (state.status === 'withdrawn') fail('DIRECTIVE_WITHDRAWN', `Directive ${state.id} was withdrawn`);
  const at = canonicalInstant(command.at);
  switch (command.type) {
    case 'RecordCompiledReport':
      return decideReport(command, state, at);
    case 'Withdraw':
      requireActor(command.actor, ['supervisor', 'admin'], 'withdraw a directive');
      return [{ type: 'DirectiveWithdrawn', data: { reason: requireText(command.reason, 'reason'), at } }];
    default:
      return fail('VALIDATION_FAILED', `Unknown directive command ${JSON.stringify((command as { type?: unknown }).type)}`);
  }
}

/** When the next compiled report is due: one cadence after the last period end (or the creation). */
export function nextCompiledReportAt(state: DirectiveState): string | undefined {
  if (!state.exists || state.status === 'withdrawn') return undefined;
  const last = state.reports[state.reports.length - 1];
  return toIso(toMs(last?.periodEnd ?? state.createdAt) + state.reportingCadence.everyMs);
}

/** The directive's default stage deadlines that fit the plan: those after its overall deadline are left out. */
function defaultStagesFor(defaults: StageDeadlineSpecs | undefined, plan: AssignmentPlan, deadlineFrom: string): StageDeadlineSpecs | undefined {
  if (!defaults) return undefined;
  const dueAt = resolveDeadline(plan.deadline, deadlineFrom);
  const fitting: { [S in StageMilestone]?: StageDeadlineSpecs[S] } = {};
  for (const stage of STAGE_MILESTONES) {
    const spec = defaults[stage];
    if (spec && !isAfter(resolveDeadline(spec, deadlineFrom), dueAt)) fitting[stage] = spec;
  }
  return Object.keys(fitting).length > 0 ? fitting : undefined;
}

/**
 * The CreateAssignment commands a new directive implies: one per single assignment, and for an eachOf one parent
 * plus a track per agency (`${parentId}.${agency}`). Relative deadlines count from the issue date when known.
 */
export function assignmentCommandsFor(state: DirectiveState, at: string): CreateAssignment[] {
  if (!state.exists) return fail('DIRECTIVE_NOT_FOUND', 'The directive does not exist');
  const deadlineFrom = deadlineFromOf(state.issuedOn, state.createdAt);
  const actor: Actor = { kind: 'system' };
  return state.assignments.flatMap((plan): CreateAssignment[] => {
    const stageDeadlines = plan.stageDeadlines ?? defaultStagesFor(state.defaultStageDeadlines, plan, deadlineFrom);
    const base = {
      type: 'CreateAssignment' as const,
      at,
      actor,
      directiveId: state.id,
      paragraph: plan.paragraph,
      text: plan.text,
      deadline: plan.deadline,
      deadlineFrom,
      timerPolicy: state.timerPolicy,
      ...(stageDeadlines ? { stageDeadlines } : {}),
      ...(plan.centralCompetence ? { centralCompetence: true } : {}),
    };
    if (plan.kind === 'single') return [{ ...base, assignmentId: plan.id, kind: 'single', agencies: plan.agencies }];
    const tracks = plan.agencies.map((a): CreateAssignment => ({ ...base, assignmentId: trackIdOf(plan.id, a.agency), kind: 'track', parentId: plan.id, agencies: [{ agency: a.agency, role: 'lead' }] }));
    return [{ ...base, assignmentId: plan.id, kind: 'eachOf', agencies: plan.agencies }, ...tracks];
  });
}
