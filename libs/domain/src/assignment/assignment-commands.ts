import { isDeadlineSpec, resolveDeadline, type DeadlineSpec } from '../calendar/deadline';
import { addCalendarDays, endOfVnDay, isWorkingDay, nextWorkingDayOnOrAfter, vnLocalDate } from '../calendar/working-days';
import { describeActor, type Actor } from '../shared/actor';
import { DomainError } from '../shared/domain-error';
import { optionalText, requireAgencyCode, requireId, requireText } from '../shared/text';
import { canonicalInstant, isAfter, MS_PER_DAY, toIso, toMs } from '../shared/time';
import { inReview, type AssignmentEvent, type AssignmentState, type ExistingAssignment, type StageDeadline, type StageDeadlinesCreated, type TrackProgress } from './assignment';
import {
  ASSIGNMENT_STAGES,
  ASSIGNMENT_STATUSES,
  STAGE_MILESTONES,
  trackIdOf,
  type AgencyAssignment,
  type AssignmentKind,
  type AssignmentStage,
  type AssignmentStatus,
  type EscalationLevel,
  type ExtensionDecision,
  type ProposalDecision,
  type StageDeadlineSpecs,
  type StageMilestone,
  type TimerPolicy,
} from './assignment-types';

type Cmd<T extends string, D = {}> = { type: T; at: string; actor: Actor } & D;

export type CreateAssignment = Cmd<
  'CreateAssignment',
  {
    assignmentId: string;
    directiveId: string;
    kind: AssignmentKind;
    parentId?: string | null;
    paragraph?: string | null;
    text: string;
    agencies: readonly AgencyAssignment[];
    deadline: DeadlineSpec;
    /** What relative deadlines count from (e.g. the directive's issue instant); defaults to `at`. */
    deadlineFrom?: string;
    timerPolicy: TimerPolicy;
    /** Optional milestones (acknowledge, propose, report by…), resolved like `deadline`; none after it, and in order. */
    stageDeadlines?: StageDeadlineSpecs;
    /** The notice says the matter is beyond the province's competence: the lead is expected to propose it to the Centre. */
    centralCompetence?: boolean;
  }
>;
export type Acknowledge = Cmd<'Acknowledge'>;
export type RecordResearch = Cmd<'RecordResearch', { note: string }>;
export type SubmitProposal = Cmd<'SubmitProposal', { summary: string; beyondProvincialCompetence: boolean }>;
export type ReviewProposal = Cmd<'ReviewProposal', { decision: ProposalDecision; comment?: string }>;
export type EscalateToCentre = Cmd<'EscalateToCentre', { centralBody: string; summary: string }>;
export type RecordCentreResponse = Cmd<'RecordCentreResponse', { response: string }>;
export type SubmitReport = Cmd<'SubmitReport', { summary: string }>;
export type ConfirmReport = Cmd<'ConfirmReport', { comment?: string }>;
export type RejectReport = Cmd<'RejectReport', { comment: string }>;
export type RequestExtension = Cmd<'RequestExtension', { reason: string; newDueAt: string }>;
export type DecideExtension = Cmd<'DecideExtension', { decision: ExtensionDecision; comment?: string }>;
export type WithdrawExtensionRequest = Cmd<'WithdrawExtensionRequest', { reason?: string }>;
export type Withdraw = Cmd<'Withdraw', { reason: string }>;
export type SendReminder = Cmd<'SendReminder', { beforeMs: number }>;
export type MarkOverdue = Cmd<'MarkOverdue'>;
export type Escalate = Cmd<'Escalate', { level: EscalationLevel }>;
export type MarkStageOverdue = Cmd<'MarkStageOverdue', { stage: StageMilestone }>;
export type RecordTrackProgress = Cmd<
  'RecordTrackProgress',
  { agency: string; stage: AssignmentStage; status: AssignmentStatus; dueAt?: string; paused?: boolean; level?: 0 | EscalationLevel; trackVersion?: number }
>;

export type TimerCommand = SendReminder | MarkOverdue | Escalate | MarkStageOverdue;

export type AssignmentCommand =
  | CreateAssignment
  | Acknowledge
  | RecordResearch
  | SubmitProposal
  | ReviewProposal
  | EscalateToCentre
  | RecordCentreResponse
  | SubmitReport
  | ConfirmReport
  | RejectReport
  | RequestExtension
  | DecideExtension
  | WithdrawExtensionRequest
  | Withdraw
  | TimerCommand
  | RecordTrackProgress;

export type AssignmentCommandType = AssignmentCommand['type'];

// ---------- guards ----------

const fail = (code: ConstructorParameters<typeof DomainError>[0], message: string, details?: Record<string, unknown>): never => {
  throw new DomainError(code, message, details);
};

function requireLead(s: ExistingAssignment, actor: Actor, what: string): string {
  if (actor.kind === 'agency' && actor.agency === s.lead) return actor.agency;
  return fail('NOT_PERMITTED', `Only the lead agency ${s.lead ?? '(none)'} may ${what}; ${describeActor(actor)} may not`);
}

function requireSupervisor(actor: Actor, what: string): void {
  if (actor.kind !== 'supervisor') fail('NOT_PERMITTED', `Only the supervisor may ${what}; ${describeActor(actor)} may not`);
}

function requireOneOf(actor: Actor, kinds: readonly Actor['kind'][], what: string): void {
  if (!kinds.includes(actor.kind)) fail('NOT_PERMITTED', `Only ${kinds.join(' or ')} may ${what}; ${describeActor(actor)} may not`);
}

function requireStage(s: ExistingAssignment, stages: readonly AssignmentStage[], what: string): void {
  if (stages.includes(s.stage)) return;
  // Received, not yet acknowledged: the coordinators' work waits for the lead's acknowledgement, which says why.
  const waiting = s.stage === 'received' && stages.includes('research') ? `: the lead agency${s.lead ? ` ${s.lead}` : ''} acknowledges it first` : '';
  fail('INVALID_TRANSITION', `Cannot ${what} at stage ${s.stage} (only at: ${stages.join(', ')})${waiting}`, { stage: s.stage });
}

function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') fail('VALIDATION_FAILED', `${field} must be true or false`, { field });
  return value as boolean;
}

const isActor = (actor: unknown): actor is Actor => {
  if (typeof actor !== 'object' || actor === null) return false;
  const kind = (actor as { kind?: unknown }).kind;
  if (kind === 'agency') return typeof (actor as { agency?: unknown }).agency === 'string';
  return kind === 'supervisor' || kind === 'admin' || kind === 'system';
};

const OPEN_FOR_EXTENSION: readonly AssignmentStage[] = ['received', 'research', 'proposed', 'accepted', 'centreResponded', 'reported'];
const TIMED: readonly AssignmentStage[] = OPEN_FOR_EXTENSION;

// ---------- create ----------

/** Ten years: a reminder or ladder step further from the deadline would fall past the dates JavaScript can hold. */
export const MAX_TIMER_OFFSET_MS = 3650 * MS_PER_DAY;

function validatePolicy(policy: TimerPolicy): TimerPolicy {
  const isOffset = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= MAX_TIMER_OFFSET_MS;
  const reminders = policy?.remindBeforeMs;
  const ladder = policy?.ladderAfterMs;
  if (!Array.isArray(reminders) || !reminders.every(isOffset) || new Set(reminders).size !== reminders.length) {
    fail('VALIDATION_FAILED', 'timerPolicy.remindBeforeMs must be distinct positive integers (milliseconds, at most ten years)', { field: 'timerPolicy.remindBeforeMs' });
  }
  if (!Array.isArray(ladder) || ladder.length !== 3 || !ladder.every(isOffset) || !(ladder[0] < ladder[1] && ladder[1] < ladder[2])) {
    fail('VALIDATION_FAILED', 'timerPolicy.ladderAfterMs must be three increasing positive integers (milliseconds, at most ten years)', { field: 'timerPolicy.ladderAfterMs' });
  }
  return { remindBeforeMs: [...reminders].sort((a, b) => b - a), ladderAfterMs: [ladder[0], ladder[1], ladder[2]] };
}

function validateAgencies(kind: AssignmentKind, agencies: readonly AgencyAssignment[]): AgencyAssignment[] {
  if (!Array.isArray(agencies) || agencies.length === 0) fail('VALIDATION_FAILED', 'agencies must list at least one agency', { field: 'agencies' });
  const list = agencies.map((a, i) => {
    if (a?.role !== 'lead' && a?.role !== 'coordinator') fail('VALIDATION_FAILED', `agencies[${i}].role must be lead or coordinator`, { field: `agencies[${i}].role` });
    return { agency: requireAgencyCode(a.agency, `agencies[${i}].agency`), role: a.role };
  });
  if (new Set(list.map((a) => a.agency)).size !== list.length) fail('VALIDATION_FAILED', 'an agency is listed twice', { field: 'agencies' });
  const leads = list.filter((a) => a.role === 'lead').length;
  if (kind === 'eachOf' && leads !== list.length) fail('VALIDATION_FAILED', 'every agency of an eachOf assignment leads its own track', { field: 'agencies' });
  if (kind === 'track' && (list.length !== 1 || leads !== 1)) fail('VALIDATION_FAILED', 'a track has exactly one agency, its lead', { field: 'agencies' });
  if (kind === 'single' && leads !== 1) fail('VALIDATION_FAILED', 'an assignment has exactly one lead agency (chủ trì)', { field: 'agencies' });
  return list;
}

/**
 * Validates and resolves stage deadlines against `fromIso` (what the overall deadline counts from). Undefined or
 * empty: none. Rejects an unknown milestone, a malformed spec, a stage deadline after `overallDueAt`, and stages
 * out of order (acknowledge ≤ propose ≤ report).
 */
export function resolveStageDeadlines(specs: StageDeadlineSpecs | undefined | null, fromIso: string, overallDueAt: string, field = 'stageDeadlines'): StageDeadlinesCreated | undefined {
  if (specs === undefined || specs === null) return undefined;
  if (typeof specs !== 'object' || Array.isArray(specs)) return fail('VALIDATION_FAILED', `${field} must be an object of acknowledge, propose and report deadlines`, { field });
  const unknown = Object.keys(specs).filter((key) => !(STAGE_MILESTONES as readonly string[]).includes(key));
  if (unknown.length > 0) fail('VALIDATION_FAILED', `${field} has unknown milestone(s): ${unknown.join(', ')} (allowed: ${STAGE_MILESTONES.join(', ')})`, { field });
  const out: StageDeadlinesCreated = {};
  let previous: { stage: StageMilestone; dueAt: string } | undefined;
  for (const stage of STAGE_MILESTONES) {
    const spec = specs[stage];
    if (spec === undefined) continue;
    if (!isDeadlineSpec(spec)) fail('VALIDATION_FAILED', `${field}.${stage} must be a date, instant, calendarDays or workingDays spec`, { field: `${field}.${stage}` });
    const dueAt = resolveDeadline(spec, fromIso);
    if (isAfter(dueAt, overallDueAt)) fail('VALIDATION_FAILED', `${field}.${stage} (${dueAt}) is after the overall deadline ${overallDueAt}`, { field: `${field}.${stage}` });
    if (previous && isAfter(previous.dueAt, dueAt)) {
      fail('VALIDATION_FAILED', `${field}.${stage} (${dueAt}) is before ${field}.${previous.stage} (${previous.dueAt}): stages go acknowledge ≤ propose ≤ report`, { field: `${field}.${stage}` });
    }
    out[stage] = { deadline: spec, dueAt };
    previous = { stage, dueAt };
  }
  return previous ? out : undefined;
}

function decideCreate(command: CreateAssignment, state: AssignmentState): AssignmentEvent[] {
  if (state.exists) fail('ASSIGNMENT_ALREADY_EXISTS', `Assignment ${state.id} already exists`, { assignmentId: state.id });
  requireOneOf(command.actor, ['supervisor', 'admin', 'system'], 'create an assignment');
  const at = canonicalInstant(command.at);
  const kind = command.kind;
  if (kind !== 'single' && kind !== 'eachOf' && kind !== 'track') fail('VALIDATION_FAILED', 'kind must be single, eachOf or track', { field: 'kind' });
  const assignmentId = requireId(command.assignmentId, 'assignmentId');
  const agencies = validateAgencies(kind, command.agencies);
  const parentId = kind === 'track' ? requireId(command.parentId, 'parentId') : null;
  if (parentId !== null && assignmentId !== trackIdOf(parentId, agencies[0].agency)) {
    fail('VALIDATION_FAILED', `a track's id must be ${trackIdOf(parentId, agencies[0].agency)}`, { field: 'assignmentId' });
  }
  if (!isDeadlineSpec(command.deadline)) fail('VALIDATION_FAILED', 'deadline must be a date, instant, calendarDays or workingDays spec', { field: 'deadline' });
  const deadlineFrom = command.deadlineFrom ?? at;
  const originalDueAt = resolveDeadline(command.deadline, deadlineFrom);
  const stageDeadlines = resolveStageDeadlines(command.stageDeadlines, deadlineFrom, originalDueAt);
  return [
    {
      type: 'AssignmentCreated',
      data: {
        assignmentId,
        directiveId: requireId(command.directiveId, 'directiveId'),
        kind,
        parentId,
        paragraph: optionalText(command.paragraph, 'paragraph'),
        text: requireText(command.text, 'text'),
        agencies,
        deadline: command.deadline,
        originalDueAt,
        timerPolicy: validatePolicy(command.timerPolicy),
        ...(stageDeadlines ? { stageDeadlines } : {}),
        ...(command.centralCompetence !== undefined && requireBoolean(command.centralCompetence, 'centralCompetence') ? { centralCompetence: true as const } : {}),
        at,
      },
    },
  ];
}

// ---------- lifecycle ----------

function decideResearch(c: RecordResearch, s: ExistingAssignment, at: string): AssignmentEvent[] {
  const actor = c.actor;
  const member = actor.kind === 'agency' ? s.agencies.find((a) => a.agency === actor.agency) : undefined;
  if (!member) return fail('NOT_PERMITTED', `Only the lead or a coordinating agency may record research; ${describeActor(actor)} may not`);
  requireStage(s, ['research'], 'record research');
  const { agency, role } = member;
  return [{ type: 'ResearchRecorded', data: { agency, role, note: requireText(c.note, 'note'), at } }];
}

function decideReview(c: ReviewProposal, s: ExistingAssignment, at: string): AssignmentEvent[] {
  requireSupervisor(c.actor, 'review a proposal');
  requireStage(s, ['proposed'], 'review a proposal');
  if (c.decision === 'accept') return [{ type: 'ProposalAccepted', data: { comment: optionalText(c.comment, 'comment'), at } }];
  if (c.decision === 'return') return [{ type: 'ProposalReturned', data: { comment: requireText(c.comment, 'comment'), at } }];
  return fail('VALIDATION_FAILED', 'decision must be accept or return', { field: 'decision' });
}

function decideEscalateToCentre(c: EscalateToCentre, s: ExistingAssignment, at: string): AssignmentEvent[] {
  if (c.actor.kind !== 'supervisor') requireLead(s, c.actor, 'escalate to the Centre');
  requireStage(s, ['accepted'], 'escalate to the Centre');
  if (!s.proposal?.beyondProvincialCompetence) fail('NOT_BEYOND_COMPETENCE', 'The accepted proposal is within provincial competence: nothing to escalate to the Centre');
  return [{ type: 'EscalatedToCentre', data: { centralBody: requireText(c.centralBody, 'centralBody', 500), summary: requireText(c.summary, 'summary'), at } }];
}

function decideCentreResponse(c: RecordCentreResponse, s: ExistingAssignment, at: string): AssignmentEvent[] {
  requireSupervisor(c.actor, "record the Centre's response");
  requireStage(s, ['escalated'], "record the Centre's response");
  const pausedMs = toMs(at) - toMs(s.pausedAt ?? at); // never negative: commands are never dated before the last event
  const adjustedDueAt = resumedDueAt(s.adjustedDueAt, pausedMs);
  const stageDueAts: { [S in StageMilestone]?: string } = {};
  for (const [stage, d] of Object.entries(s.stageDeadlines ?? {}) as [StageMilestone, StageDeadline][]) {
    if (d.reachedAt === null && d.missedAt === null) stageDueAts[stage] = resumedDueAt(d.dueAt, pausedMs);
  }
  const stages = Object.keys(stageDueAts).length > 0 ? { stageDueAts } : {};
  return [{ type: 'CentreResponded', data: { response: requireText(c.response, 'response'), pausedMs, adjustedDueAt, ...stages, at } }];
}

/**
 * A deadline moved by the time paused. One that ends a day (a date deadline: 23:59:59.999 in Vietnam) moves by the
 * pause in whole days, to the nearest, and still ends a day: a pause of minutes keeps its date instead of carrying
 * it a few minutes past midnight, and three days paused give three days. An instant moves by the exact pause.
 * Landing on a day off (a weekend, Tết), it runs to the end of the next working day, as a date deadline that falls on
 * one does: the time given back is not lost to a holiday.
 */
function resumedDueAt(dueAt: string, pausedMs: number): string {
  const date = vnLocalDate(dueAt);
  const endsADay = dueAt === endOfVnDay(date);
  const shifted = endsADay ? endOfVnDay(addCalendarDays(date, Math.round(pausedMs / MS_PER_DAY))) : toIso(toMs(dueAt) + pausedMs);
  if (endsADay && shifted === dueAt) return dueAt; // kept its day: a day off it already stood on was the notice's to choose
  return isWorkingDay(shifted) ? shifted : endOfVnDay(nextWorkingDayOnOrAfter(vnLocalDate(shifted)));
}

function decideSubmitReport(c: SubmitReport, s: ExistingAssignment, at: string): AssignmentEvent[] {
  requireLead(s, c.actor, 'submit the report');
  requireStage(s, ['accepted', 'centreResponded'], 'submit the report');
  if (s.stage === 'accepted' && s.proposal?.beyondProvincialCompetence) {
    fail('CENTRE_RESPONSE_REQUIRED', 'The accepted proposal is beyond provincial competence: escalate to the Centre and record its response first');
  }
  // The agency has done its part: the deadline's clock stops until the Office confirms or rejects the report.
  return [{ type: 'ReportSubmitted', data: { summary: requireText(c.summary, 'summary'), at, stopsClock: true } }];
}

/**
 * The verdict is fixed at confirmation against the deadline in force (after extensions and pauses), judged when the
 * report came in: the Office's review does not make the agency late (reports before the clock stopped for review:
 * judged at confirmation).
 */
function decideConfirmReport(c: ConfirmReport, s: ExistingAssignment, at: string): AssignmentEvent[] {
  requireSupervisor(c.actor, 'confirm the report');
  requireStage(s, ['reported'], 'confirm the report');
  const judgedAt = inReview(s) && s.report ? s.report.submittedAt : at;
  const verdict = isAfter(judgedAt, s.adjustedDueAt) ? 'late' : 'onTime';
  return [...lapsedRequest(s, 'closed', at), { type: 'ReportConfirmed', data: { comment: optionalText(c.comment, 'comment'), verdict, dueAt: s.adjustedDueAt, at } }];
}

/** An extension request still pending when the work ends is closed by an event, not dropped: the Office's queue and timeline show it ended. */
function lapsedRequest(s: ExistingAssignment, cause: 'closed' | 'withdrawn', at: string): AssignmentEvent[] {
  return s.pendingExtension ? [{ type: 'ExtensionRequestLapsed', data: { newDueAt: s.pendingExtension.newDueAt, cause, at } }] : [];
}

/** Back to the lead to revise; the time the report spent in review is given back, as the Centre's is (a day off: the next working day's end). */
function decideRejectReport(c: RejectReport, s: ExistingAssignment, at: string): AssignmentEvent[] {
  requireSupervisor(c.actor, 'reject the report');
  requireStage(s, ['reported'], 'reject the report');
  const comment = requireText(c.comment, 'comment');
  // The lead revises the report where it was written: the accepted proposal and the Centre's answer stand.
  const backTo = s.escalation?.respondedAt ? 'centreResponded' : 'accepted';
  if (!inReview(s) || !s.report) return [{ type: 'ReportRejected', data: { comment, at, backTo } }];
  const pausedMs = Math.max(0, toMs(at) - toMs(s.report.submittedAt));
  return [{ type: 'ReportRejected', data: { comment, at, pausedMs, adjustedDueAt: resumedDueAt(s.adjustedDueAt, pausedMs), backTo } }];
}

function decideRequestExtension(c: RequestExtension, s: ExistingAssignment, at: string): AssignmentEvent[] {
  requireLead(s, c.actor, 'request an extension');
  requireStage(s, OPEN_FOR_EXTENSION, 'request an extension');
  if (s.pendingExtension) fail('EXTENSION_ALREADY_PENDING', `An extension to ${s.pendingExtension.newDueAt} is already awaiting a decision`);
  const newDueAt = canonicalInstant(c.newDueAt, 'newDueAt');
  if (!isAfter(newDueAt, at)) fail('EXTENSION_DATE_IN_PAST', `The new due date ${newDueAt} is not after ${at}`, { field: 'newDueAt' });
  if (!isAfter(newDueAt, s.adjustedDueAt)) fail('EXTENSION_NOT_LATER', `The new due date ${newDueAt} is not after the current one ${s.adjustedDueAt}`, { field: 'newDueAt' });
  return [{ type: 'ExtensionRequested', data: { reason: requireText(c.reason, 'reason'), newDueAt, at } }];
}

function decideExtension(c: DecideExtension, s: ExistingAssignment, at: string): AssignmentEvent[] {
  requireSupervisor(c.actor, 'decide an extension');
  const pending = s.pendingExtension;
  if (!pending) return fail('EXTENSION_NOT_PENDING', 'No extension is awaiting a decision');
  // A request made before the work went to the Centre may be denied while it waits there; approving it moves a clock
  // that is stopped, so that waits for the Centre's response.
  if (c.decision === 'deny' && s.stage === 'escalated') return [{ type: 'ExtensionDenied', data: { comment: optionalText(c.comment, 'comment'), at } }];
  requireStage(s, OPEN_FOR_EXTENSION, c.decision === 'approve' ? 'approve an extension' : 'decide an extension');
  if (c.decision === 'deny') return [{ type: 'ExtensionDenied', data: { comment: optionalText(c.comment, 'comment'), at } }];
  if (c.decision !== 'approve') fail('VALIDATION_FAILED', 'decision must be approve or deny', { field: 'decision' });
  if (!isAfter(pending.newDueAt, s.adjustedDueAt)) fail('EXTENSION_NOT_LATER', `The requested date ${pending.newDueAt} is no longer after the due date ${s.adjustedDueAt}; deny it`);
  return [{ type: 'ExtensionApproved', data: { previousDueAt: s.adjustedDueAt, adjustedDueAt: pending.newDueAt, comment: optionalText(c.comment, 'comment'), at } }];
}

/** The lead takes back its pending request (to ask for another date, say); once decided, there is nothing to take back. */
function decideWithdrawExtensionRequest(c: WithdrawExtensionRequest, s: ExistingAssignment, at: string): AssignmentEvent[] {
  requireLead(s, c.actor, 'withdraw its extension request');
  if (!s.pendingExtension) return fail('EXTENSION_NOT_PENDING', 'No extension request is awaiting a decision');
  return [{ type: 'ExtensionRequestWithdrawn', data: { reason: optionalText(c.reason, 'reason'), at } }];
}

// ---------- timers ----------

function requireTimed(c: TimerCommand, s: ExistingAssignment): void {
  requireOneOf(c.actor, ['system'], 'fire a timer');
  if (s.kind === 'eachOf') fail('TIMER_NOT_APPLICABLE', 'An eachOf parent has no timers: its tracks do');
  if (!TIMED.includes(s.stage) || inReview(s)) fail('TIMER_NOT_APPLICABLE', `No timer runs while the assignment is ${s.stage}`, { stage: s.stage });
}

function requireDue(at: string, dueMs: number): void {
  if (toMs(at) < dueMs) fail('TIMER_NOT_DUE', `This timer is due at ${toIso(dueMs)}, not ${at}`);
}

function decideReminder(c: SendReminder, s: ExistingAssignment, at: string): AssignmentEvent[] {
  requireTimed(c, s);
  if (!s.timerPolicy.remindBeforeMs.includes(c.beforeMs)) fail('VALIDATION_FAILED', `No reminder ${c.beforeMs} ms before the due date in the timer policy`, { field: 'beforeMs' });
  if (s.timers.remindersSent.includes(c.beforeMs) || s.timers.overdueMarkedAt) fail('TIMER_ALREADY_FIRED', 'This reminder was already sent or the assignment is already overdue');
  requireDue(at, toMs(s.adjustedDueAt) - c.beforeMs);
  return [{ type: 'ReminderSent', data: { beforeMs: c.beforeMs, dueAt: s.adjustedDueAt, at } }];
}

function decideMarkOverdue(c: MarkOverdue, s: ExistingAssignment, at: string): AssignmentEvent[] {
  requireTimed(c, s);
  if (s.timers.overdueMarkedAt) fail('TIMER_ALREADY_FIRED', `Already marked overdue at ${s.timers.overdueMarkedAt}`);
  requireDue(at, toMs(s.adjustedDueAt) + 1);
  return [{ type: 'MarkedOverdue', data: { dueAt: s.adjustedDueAt, at } }];
}

function decideEscalate(c: Escalate, s: ExistingAssignment, at: string): AssignmentEvent[] {
  requireTimed(c, s);
  if (c.level !== 1 && c.level !== 2 && c.level !== 3) fail('VALIDATION_FAILED', 'level must be 1, 2 or 3', { field: 'level' });
  if (c.level <= s.timers.level) fail('TIMER_ALREADY_FIRED', `Already escalated to level ${s.timers.level}`);
  if (!s.timers.overdueMarkedAt || c.level !== s.timers.level + 1) fail('INVALID_TRANSITION', `Level ${c.level} comes after the overdue mark and level ${c.level - 1}`);
  requireDue(at, toMs(s.adjustedDueAt) + s.timerPolicy.ladderAfterMs[c.level - 1]);
  return [{ type: 'EscalatedToLevel', data: { level: c.level, dueAt: s.adjustedDueAt, at } }];
}

/** Not reached by its instant: acknowledge (not acknowledged), propose (no proposal submitted), report (no report submitted). */
function decideMarkStageOverdue(c: MarkStageOverdue, s: ExistingAssignment, at: string): AssignmentEvent[] {
  requireTimed(c, s);
  if (!STAGE_MILESTONES.includes(c.stage)) fail('VALIDATION_FAILED', `stage must be one of ${STAGE_MILESTONES.join(', ')}`, { field: 'stage' });
  const deadline = s.stageDeadlines?.[c.stage];
  if (!deadline) return fail('TIMER_NOT_APPLICABLE', `The assignment has no ${c.stage} stage deadline`, { stage: c.stage });
  if (deadline.missedAt) fail('TIMER_ALREADY_FIRED', `The ${c.stage} stage deadline was already marked missed at ${deadline.missedAt}`);
  if (deadline.reachedAt) fail('TIMER_NOT_APPLICABLE', `The ${c.stage} milestone was reached at ${deadline.reachedAt}`, { stage: c.stage });
  requireDue(at, toMs(deadline.dueAt) + 1);
  return [{ type: 'StageDeadlineMissed', data: { stage: c.stage, dueAt: deadline.dueAt, at } }];
}

// ---------- eachOf roll-up ----------

const DONE: readonly AssignmentStatus[] = ['doneOnTime', 'doneLate'];

function validateTrackReport(stage: AssignmentStage, status: AssignmentStatus): void {
  if (!ASSIGNMENT_STAGES.includes(stage) || stage === 'tracking') fail('VALIDATION_FAILED', `stage ${JSON.stringify(stage)} is not a track stage`, { field: 'stage' });
  if (!ASSIGNMENT_STATUSES.includes(status)) fail('VALIDATION_FAILED', `status ${JSON.stringify(status)} is unknown`, { field: 'status' });
  const consistent = stage === 'closed' ? DONE.includes(status) : stage === 'withdrawn' ? status === 'withdrawn' : !DONE.includes(status) && status !== 'withdrawn';
  if (!consistent) fail('VALIDATION_FAILED', `status ${status} does not fit stage ${stage}`, { field: 'status' });
}

const trackDone = (t: TrackProgress): boolean => t.stage === 'closed' || t.stage === 'withdrawn';

/** The track's deadline and pause, when it sent them (tracks of runs recorded before did not). */
function trackClock(c: RecordTrackProgress): { dueAt?: string; paused?: boolean } {
  if (c.dueAt === undefined && c.paused === undefined) return {};
  if (typeof c.paused !== 'boolean') fail('VALIDATION_FAILED', 'paused must be true or false', { field: 'paused' });
  return { dueAt: canonicalInstant(c.dueAt ?? '', 'dueAt'), paused: c.paused };
}

/** The ladder's level the track reached, when it sent it (tracks of runs recorded before did not). */
function trackLevel(c: RecordTrackProgress): { level?: 0 | EscalationLevel } {
  if (c.level === undefined) return {};
  if (![0, 1, 2, 3].includes(c.level)) fail('VALIDATION_FAILED', 'level must be 0, 1, 2 or 3', { field: 'level' });
  return { level: c.level };
}

function isSuperseded(c: RecordTrackProgress, track: TrackProgress): boolean {
  if (c.trackVersion === undefined) return false; // tracks of runs recorded before sent no version
  if (!Number.isInteger(c.trackVersion) || c.trackVersion < 1) fail('VALIDATION_FAILED', 'trackVersion must be a positive integer', { field: 'trackVersion' });
  return track.trackVersion !== undefined && c.trackVersion <= track.trackVersion;
}

function decideTrackProgress(c: RecordTrackProgress, s: ExistingAssignment, at: string): AssignmentEvent[] {
  requireOneOf(c.actor, ['system', 'supervisor'], 'record track progress');
  if (s.kind !== 'eachOf') fail('INVALID_TRANSITION', 'Only an eachOf assignment has tracks');
  const track = s.tracks.find((t) => t.agency === c.agency);
  if (!track) return fail('UNKNOWN_TRACK', `Agency ${c.agency} has no track in ${s.id}`, { agency: c.agency });
  // Reports travel as signals, which may arrive out of order: one older than the last recorded is already superseded.
  if (isSuperseded(c, track)) return [];
  if (trackDone(track)) fail('INVALID_TRANSITION', `The track of ${c.agency} is already ${track.stage}`);
  validateTrackReport(c.stage, c.status);
  const clock = trackClock(c);
  const version = c.trackVersion === undefined ? {} : { trackVersion: c.trackVersion };
  const recorded: AssignmentEvent = { type: 'TrackProgressRecorded', data: { agency: c.agency, stage: c.stage, status: c.status, ...clock, ...trackLevel(c), ...version, at } };
  const after = s.tracks.map((t) => (t.agency === c.agency ? recorded.data : t));
  if (!after.every(trackDone)) return [recorded];
  if (after.every((t) => t.stage === 'withdrawn')) return [recorded, { type: 'AssignmentWithdrawn', data: { reason: 'Every track was withdrawn', at } }];
  const verdict = after.some((t) => t.status === 'doneLate') ? 'late' : 'onTime';
  return [recorded, { type: 'AssignmentClosed', data: { verdict, at } }];
}

// ---------- decide ----------

const EACH_OF_COMMANDS: readonly AssignmentCommandType[] = ['RecordTrackProgress', 'Withdraw'];

function requireOpen(s: ExistingAssignment, command: AssignmentCommand): void {
  if (s.stage === 'closed') fail('ASSIGNMENT_CLOSED', `Assignment ${s.id} is closed`, { assignmentId: s.id });
  if (s.stage === 'withdrawn') fail('ASSIGNMENT_WITHDRAWN', `Assignment ${s.id} was withdrawn`, { assignmentId: s.id });
  if (s.kind === 'eachOf' && !EACH_OF_COMMANDS.includes(command.type)) {
    fail('INVALID_TRANSITION', `${s.id} is assigned to each agency on its own: take this step on an agency's part, ${trackIdOf(s.id, '<agency code>')}`, { track: trackIdOf(s.id, '<agency code>') });
  }
}

/** How far an extension may move a deadline past the one in force (or the request, if that is later). */
const EXTENSION_HORIZON_YEARS = 10;

/** Pure: the events a command produces against the state, or a DomainError. Never mutates `state`. */
/**
 * Refusals added after runs were recorded, applied when a user's command is admitted (an update's validator, which a
 * replay never runs) and never inside `decide`, which must decide again what recorded runs decided.
 */
export function admitAssignmentCommand(command: AssignmentCommand, state: AssignmentState): void {
  if (command.type === 'RequestExtension' && typeof command.newDueAt === 'string' && typeof command.at === 'string') {
    // Years past the deadline in force is a slip of the keyboard (9999 for 2025); once approved it could not be brought back.
    const from = Math.max(toMs(canonicalInstant(command.at)), state.exists ? toMs(state.adjustedDueAt) : 0);
    const limit = new Date(from);
    limit.setUTCFullYear(limit.getUTCFullYear() + EXTENSION_HORIZON_YEARS);
    if (Date.parse(command.newDueAt) > limit.getTime()) {
      fail('EXTENSION_TOO_FAR', `The new due date ${canonicalInstant(command.newDueAt, 'newDueAt')} is more than ${EXTENSION_HORIZON_YEARS} years after the deadline in force`, { field: 'newDueAt' });
    }
  }
  if (command.type === 'DecideExtension' && command.decision === 'approve' && state.exists && state.pendingExtension) {
    const { newDueAt } = state.pendingExtension;
    // Approved, a date already past would put the assignment overdue at once and send the ladder's levels again.
    if (!isAfter(newDueAt, canonicalInstant(command.at))) {
      fail('EXTENSION_DATE_IN_PAST', `The requested date ${newDueAt} has passed; deny it, and let the agency ask for a later one`, { field: 'decision' });
    }
  }
}

export function decide(command: AssignmentCommand, state: AssignmentState): AssignmentEvent[] {
  if (!isActor(command?.actor)) fail('VALIDATION_FAILED', 'actor must be an agency, supervisor, admin or system', { field: 'actor' });
  if (command.type === 'CreateAssignment') return decideCreate(command, state);
  if (!state.exists) return fail('ASSIGNMENT_NOT_FOUND', 'The assignment does not exist');
  const at = canonicalInstant(command.at);
  requireOpen(state, command);
  if (isAfter(state.lastEventAt, at)) fail('OUT_OF_ORDER', `The command is dated ${at}, before the last recorded event (${state.lastEventAt})`, { field: 'at' });
  return decideOpen(command, state, at);
}

function decideOpen(c: Exclude<AssignmentCommand, CreateAssignment>, s: ExistingAssignment, at: string): AssignmentEvent[] {
  switch (c.type) {
    case 'Acknowledge':
      requireLead(s, c.actor, 'acknowledge');
      requireStage(s, ['received'], 'acknowledge');
      return [{ type: 'AssignmentAcknowledged', data: { agency: s.lead ?? '', at } }];
    case 'RecordResearch':
      return decideResearch(c, s, at);
    case 'SubmitProposal':
      requireLead(s, c.actor, 'submit a proposal');
      requireStage(s, ['research'], 'submit a proposal');
      return [{ type: 'ProposalSubmitted', data: { summary: requireText(c.summary, 'summary'), beyondProvincialCompetence: requireBoolean(c.beyondProvincialCompetence, 'beyondProvincialCompetence'), at } }];
    case 'ReviewProposal':
      return decideReview(c, s, at);
    case 'EscalateToCentre':
      return decideEscalateToCentre(c, s, at);
    case 'RecordCentreResponse':
      return decideCentreResponse(c, s, at);
    case 'SubmitReport':
      return decideSubmitReport(c, s, at);
    case 'ConfirmReport':
      return decideConfirmReport(c, s, at);
    case 'RejectReport':
      return decideRejectReport(c, s, at);
    case 'RequestExtension':
      return decideRequestExtension(c, s, at);
    case 'DecideExtension':
      return decideExtension(c, s, at);
    case 'WithdrawExtensionRequest':
      return decideWithdrawExtensionRequest(c, s, at);
    case 'Withdraw':
      requireOneOf(c.actor, ['supervisor', 'admin'], 'withdraw an assignment');
      return [...lapsedRequest(s, 'withdrawn', at), { type: 'AssignmentWithdrawn', data: { reason: requireText(c.reason, 'reason'), at } }];
    case 'SendReminder':
      return decideReminder(c, s, at);
    case 'MarkOverdue':
      return decideMarkOverdue(c, s, at);
    case 'Escalate':
      return decideEscalate(c, s, at);
    case 'MarkStageOverdue':
      return decideMarkStageOverdue(c, s, at);
    case 'RecordTrackProgress':
      return decideTrackProgress(c, s, at);
    default:
      return unknownCommand(c);
  }
}

function unknownCommand(c: never): never {
  return fail('VALIDATION_FAILED', `Unknown assignment command ${JSON.stringify((c as { type?: unknown }).type)}`, { field: 'type' });
}
