import type { DeadlineSpec } from '../calendar/deadline';
import { assertNever } from '../shared/assert-never';
import { toIso, toMs } from '../shared/time';
import type {
  AgencyAssignment,
  AgencyRole,
  AssignmentKind,
  AssignmentStage,
  AssignmentStatus,
  EscalationLevel,
  StageMilestone,
  TimerPolicy,
  Verdict,
} from './assignment-types';

// ---------- events ----------

export type AssignmentCreated = {
  type: 'AssignmentCreated';
  data: {
    assignmentId: string;
    directiveId: string;
    kind: AssignmentKind;
    parentId: string | null;
    paragraph: string | null;
    text: string;
    agencies: AgencyAssignment[];
    deadline: DeadlineSpec;
    originalDueAt: string;
    timerPolicy: TimerPolicy;
    /** Present only when the assignment has stage deadlines: each as stated and as resolved at creation. */
    stageDeadlines?: StageDeadlinesCreated;
    /** Present only when the notice puts the matter beyond the province's competence (for the Centre to decide). */
    centralCompetence?: true;
    at: string;
  };
};
export type StageDeadlinesCreated = { [S in StageMilestone]?: { deadline: DeadlineSpec; dueAt: string } };
export type AssignmentAcknowledged = { type: 'AssignmentAcknowledged'; data: { agency: string; at: string } };
export type ResearchRecorded = { type: 'ResearchRecorded'; data: { agency: string; role: AgencyRole; note: string; at: string } };
export type ProposalSubmitted = { type: 'ProposalSubmitted'; data: { summary: string; beyondProvincialCompetence: boolean; at: string } };
export type ProposalAccepted = { type: 'ProposalAccepted'; data: { comment: string | null; at: string } };
export type ProposalReturned = { type: 'ProposalReturned'; data: { comment: string; at: string } };
export type EscalatedToCentre = { type: 'EscalatedToCentre'; data: { centralBody: string; summary: string; at: string } };
/** The provincial clock resumes: the due date moves by the time spent waiting for the Centre. */
export type CentreResponded = {
  type: 'CentreResponded';
  /** `stageDueAts`: the open stage deadlines, moved as the overall one is (absent in events stored before: shifted by `pausedMs`). */
  data: { response: string; pausedMs: number; adjustedDueAt: string; stageDueAts?: { [S in StageMilestone]?: string }; at: string };
};
/** `stopsClock`: the deadline's clock stops while the Office reviews the report (reports before this kept it running). */
export type ReportSubmitted = { type: 'ReportSubmitted'; data: { summary: string; at: string; stopsClock?: true } };
/** Closes the assignment; the verdict is fixed here and never changes. */
export type ReportConfirmed = { type: 'ReportConfirmed'; data: { comment: string | null; verdict: Verdict; dueAt: string; at: string } };
/** With a report that stopped the clock: the time it spent in review, given back, and the deadline that makes. */
/**
 * `backTo`: the stage the report was submitted from, where the lead revises it; the accepted proposal and the Centre's
 * answer stand. Rejections stored before it existed reopened research, the proposal and escalation dropped.
 */
export type ReportRejected = { type: 'ReportRejected'; data: { comment: string; at: string; pausedMs?: number; adjustedDueAt?: string; backTo?: 'accepted' | 'centreResponded' } };
export type ExtensionRequested = { type: 'ExtensionRequested'; data: { reason: string; newDueAt: string; at: string } };
export type ExtensionApproved = { type: 'ExtensionApproved'; data: { previousDueAt: string; adjustedDueAt: string; comment: string | null; at: string } };
export type ExtensionDenied = { type: 'ExtensionDenied'; data: { comment: string | null; at: string } };
/** The lead took back its own request before the supervisor decided it (a wrong date, no longer needed). */
export type ExtensionRequestWithdrawn = { type: 'ExtensionRequestWithdrawn'; data: { reason: string | null; at: string } };
/** A request still pending when the work ended (its report confirmed, or the assignment withdrawn): moot, never decided. */
export type ExtensionRequestLapsed = { type: 'ExtensionRequestLapsed'; data: { newDueAt: string; cause: 'closed' | 'withdrawn'; at: string } };
export type AssignmentWithdrawn = { type: 'AssignmentWithdrawn'; data: { reason: string; at: string } };
export type ReminderSent = { type: 'ReminderSent'; data: { beforeMs: number; dueAt: string; at: string } };
export type MarkedOverdue = { type: 'MarkedOverdue'; data: { dueAt: string; at: string } };
export type EscalatedToLevel = { type: 'EscalatedToLevel'; data: { level: EscalationLevel; dueAt: string; at: string } };
/** A milestone (acknowledge, propose, report) was not reached by its stage deadline; fired once per stage. */
export type StageDeadlineMissed = { type: 'StageDeadlineMissed'; data: { stage: StageMilestone; dueAt: string; at: string } };
/** `dueAt`, `paused`: the track's deadline in force and Centre pause (absent in events stored before they were sent). */
export type TrackProgressRecorded = {
  type: 'TrackProgressRecorded';
  data: { agency: string; stage: AssignmentStage; status: AssignmentStatus; dueAt?: string; paused?: boolean; level?: 0 | EscalationLevel; trackVersion?: number; at: string };
};
/** An `eachOf` parent closes when every track is closed or withdrawn: late if any track was late. */
export type AssignmentClosed = { type: 'AssignmentClosed'; data: { verdict: Verdict; at: string } };

export type AssignmentEvent =
  | AssignmentCreated
  | AssignmentAcknowledged
  | ResearchRecorded
  | ProposalSubmitted
  | ProposalAccepted
  | ProposalReturned
  | EscalatedToCentre
  | CentreResponded
  | ReportSubmitted
  | ReportConfirmed
  | ReportRejected
  | ExtensionRequested
  | ExtensionApproved
  | ExtensionDenied
  | ExtensionRequestWithdrawn
  | ExtensionRequestLapsed
  | AssignmentWithdrawn
  | ReminderSent
  | MarkedOverdue
  | EscalatedToLevel
  | StageDeadlineMissed
  | TrackProgressRecorded
  | AssignmentClosed;

export type AssignmentEventType = AssignmentEvent['type'];

export const ASSIGNMENT_EVENT_SCHEMA_VERSION = {
  AssignmentCreated: 1,
  AssignmentAcknowledged: 1,
  ResearchRecorded: 1,
  ProposalSubmitted: 1,
  ProposalAccepted: 1,
  ProposalReturned: 1,
  EscalatedToCentre: 1,
  CentreResponded: 1,
  ReportSubmitted: 1,
  ReportConfirmed: 1,
  ReportRejected: 1,
  ExtensionRequested: 1,
  ExtensionApproved: 1,
  ExtensionDenied: 1,
  ExtensionRequestWithdrawn: 1,
  ExtensionRequestLapsed: 1,
  AssignmentWithdrawn: 1,
  ReminderSent: 1,
  MarkedOverdue: 1,
  EscalatedToLevel: 1,
  StageDeadlineMissed: 1,
  TrackProgressRecorded: 1,
  AssignmentClosed: 1,
} as const satisfies Record<AssignmentEventType, number>;

export const ASSIGNMENT_EVENT_TYPES: readonly AssignmentEventType[] = Object.freeze(Object.keys(ASSIGNMENT_EVENT_SCHEMA_VERSION) as AssignmentEventType[]);

/** The timer events that notify agencies: an inbox row per target agency, and a webhook post where one is set. */
export type NotifyingEvent = Extract<AssignmentEvent, { type: 'ReminderSent' | 'MarkedOverdue' | 'EscalatedToLevel' | 'StageDeadlineMissed' }>;
export const NOTIFYING_EVENT_TYPES: readonly string[] = Object.freeze(['ReminderSent', 'MarkedOverdue', 'EscalatedToLevel', 'StageDeadlineMissed'] satisfies NotifyingEvent['type'][]);
export const isNotifyingEvent = (event: AssignmentEvent): event is NotifyingEvent => NOTIFYING_EVENT_TYPES.includes(event.type);

// ---------- state ----------

export interface ResearchEntry {
  readonly agency: string;
  readonly role: AgencyRole;
  readonly note: string;
  readonly at: string;
}

export interface Proposal {
  readonly summary: string;
  readonly beyondProvincialCompetence: boolean;
  readonly submittedAt: string;
  readonly acceptedAt: string | null;
}

export interface CentreEscalation {
  readonly centralBody: string;
  readonly summary: string;
  readonly escalatedAt: string;
  readonly response: string | null;
  readonly respondedAt: string | null;
}

export interface PendingExtension {
  readonly reason: string;
  readonly newDueAt: string;
  readonly requestedAt: string;
}

export interface ExtensionRecord extends PendingExtension {
  /** `withdrawn`: taken back by the lead before a decision; `lapsed`: still pending when the work ended. */
  readonly decision: 'approved' | 'denied' | 'withdrawn' | 'lapsed';
  readonly decidedAt: string;
}

/** Timers fired for the current due date; an approved extension starts a new cycle (a pause keeps it). */
export interface TimerCycle {
  readonly startedAt: string;
  readonly remindersSent: readonly number[];
  readonly overdueMarkedAt: string | null;
  readonly level: 0 | EscalationLevel;
}

/** One stage deadline: the instant in force (moved by Centre pauses, and for `report` by approved extensions). */
export interface StageDeadline {
  readonly dueAt: string;
  /** When the milestone was first reached (a returned proposal or rejected report still counts); null until then. */
  readonly reachedAt: string | null;
  /** When StageDeadlineMissed fired; null until then. */
  readonly missedAt: string | null;
}

export type StageDeadlines = { readonly [S in StageMilestone]?: StageDeadline };

export interface TrackProgress {
  readonly agency: string;
  readonly stage: AssignmentStage;
  readonly status: AssignmentStatus;
  /** The track's deadline in force when it last reported; absent: the parent's (no extension reported). */
  readonly dueAt?: string;
  /** Its clock stopped when it last reported (waiting for the Centre, or its report in review). */
  readonly paused?: boolean;
  /** The escalation ladder's level it had reached when it last reported (tracks before this did not say). */
  readonly level?: 0 | EscalationLevel;
  /** The track's stream version when it sent its last report (tracks before this did not say). */
  readonly trackVersion?: number;
  readonly at: string;
}

export interface ExistingAssignment {
  readonly exists: true;
  readonly id: string;
  readonly directiveId: string;
  readonly kind: AssignmentKind;
  readonly parentId: string | null;
  readonly paragraph: string | null;
  readonly text: string;
  readonly agencies: readonly AgencyAssignment[];
  /** The chủ trì agency; null for an `eachOf` parent. */
  readonly lead: string | null;
  readonly deadline: DeadlineSpec;
  /** Resolved at creation; never changes. */
  readonly originalDueAt: string;
  /** The deadline in force: the original, moved by approved extensions and Centre pauses. Never before the original. */
  readonly adjustedDueAt: string;
  readonly timerPolicy: TimerPolicy;
  readonly createdAt: string;
  readonly stage: AssignmentStage;
  readonly acknowledgedAt: string | null;
  readonly research: readonly ResearchEntry[];
  readonly proposal: Proposal | null;
  readonly escalation: CentreEscalation | null;
  /** Set while waiting for the Centre: the provincial clock is stopped. */
  readonly pausedAt: string | null;
  readonly pausedMsTotal: number;
  readonly report: { readonly summary: string; readonly submittedAt: string; readonly stopsClock?: true } | null;
  readonly verdict: Verdict | null;
  readonly closedAt: string | null;
  readonly withdrawal: { readonly reason: string; readonly at: string } | null;
  readonly pendingExtension: PendingExtension | null;
  readonly extensions: readonly ExtensionRecord[];
  readonly timers: TimerCycle;
  /** Absent for assignments created without stage deadlines (and in states stored before they existed). */
  readonly stageDeadlines?: StageDeadlines;
  /** The notice puts the matter beyond the province's competence (absent: within it, or created before it was kept). */
  readonly centralCompetence?: true;
  readonly tracks: readonly TrackProgress[];
  readonly lastEventAt: string;
}

export type AssignmentState = { readonly exists: false } | ExistingAssignment;

export const initialAssignmentState: AssignmentState = Object.freeze({ exists: false });

// ---------- evolve ----------

const freshTimers = (startedAt: string): TimerCycle => ({ startedAt, remindersSent: [], overdueMarkedAt: null, level: 0 });

function created(data: AssignmentCreated['data']): ExistingAssignment {
  const lead = data.kind === 'eachOf' ? null : (data.agencies.find((a) => a.role === 'lead')?.agency ?? null);
  return {
    exists: true,
    id: data.assignmentId,
    directiveId: data.directiveId,
    kind: data.kind,
    parentId: data.parentId,
    paragraph: data.paragraph,
    text: data.text,
    agencies: data.agencies,
    lead,
    deadline: data.deadline,
    originalDueAt: data.originalDueAt,
    adjustedDueAt: data.originalDueAt,
    timerPolicy: data.timerPolicy,
    createdAt: data.at,
    stage: data.kind === 'eachOf' ? 'tracking' : 'received',
    acknowledgedAt: null,
    research: [],
    proposal: null,
    escalation: null,
    pausedAt: null,
    pausedMsTotal: 0,
    report: null,
    verdict: null,
    closedAt: null,
    withdrawal: null,
    pendingExtension: null,
    extensions: [],
    timers: freshTimers(data.at),
    ...(data.centralCompetence ? { centralCompetence: true } : {}),
    // Level 0 from the start: a track reports only what changes (one on time never reports before its first step).
    tracks: data.kind === 'eachOf' ? data.agencies.map((a) => ({ agency: a.agency, stage: 'received' as const, status: 'inProgressOnTime' as const, level: 0 as const, at: data.at })) : [],
    lastEventAt: data.at,
    ...(data.stageDeadlines ? { stageDeadlines: createdStageDeadlines(data.stageDeadlines) } : {}),
  };
}

function createdStageDeadlines(created: StageDeadlinesCreated): StageDeadlines {
  const out: { [S in StageMilestone]?: StageDeadline } = {};
  for (const stage of ['acknowledge', 'propose', 'report'] as const) {
    const entry = created[stage];
    if (entry) out[stage] = { dueAt: entry.dueAt, reachedAt: null, missedAt: null };
  }
  return out;
}

/** Updates the stage deadlines that are set; a state without stage deadlines is returned as it is. */
function withStages(s: ExistingAssignment, update: (stage: StageMilestone, d: StageDeadline) => StageDeadline): ExistingAssignment {
  const current = s.stageDeadlines;
  if (!current) return s;
  const out: { [S in StageMilestone]?: StageDeadline } = {};
  for (const stage of ['acknowledge', 'propose', 'report'] as const) {
    const d = current[stage];
    if (d) out[stage] = update(stage, d);
  }
  return { ...s, stageDeadlines: out };
}

const reached = (milestone: StageMilestone, at: string) => (stage: StageMilestone, d: StageDeadline): StageDeadline =>
  stage === milestone && d.reachedAt === null ? { ...d, reachedAt: at } : d;

const shiftMs = (iso: string, ms: number): string => toIso(toMs(iso) + ms);

function decided(s: ExistingAssignment, decision: ExtensionRecord['decision'], at: string): readonly ExtensionRecord[] {
  return s.pendingExtension ? [...s.extensions, { ...s.pendingExtension, decision, decidedAt: at }] : s.extensions;
}

/** Applies one event. Total: an event that cannot apply (none before creation) leaves the state as it is. */
export function evolve(state: AssignmentState, event: AssignmentEvent): AssignmentState {
  if (event.type === 'AssignmentCreated') return state.exists ? state : created(event.data);
  if (!state.exists) return state;
  const s: ExistingAssignment = { ...state, lastEventAt: event.data.at };
  switch (event.type) {
    case 'AssignmentAcknowledged':
      return withStages({ ...s, stage: 'research', acknowledgedAt: event.data.at }, reached('acknowledge', event.data.at));
    case 'ResearchRecorded':
      return { ...s, research: [...s.research, event.data] };
    case 'ProposalSubmitted':
      return withStages(
        { ...s, stage: 'proposed', proposal: { summary: event.data.summary, beyondProvincialCompetence: event.data.beyondProvincialCompetence, submittedAt: event.data.at, acceptedAt: null } },
        reached('propose', event.data.at),
      );
    case 'ProposalAccepted':
      return { ...s, stage: 'accepted', proposal: s.proposal && { ...s.proposal, acceptedAt: event.data.at }, escalation: null };
    case 'ProposalReturned':
      return { ...s, stage: 'research', proposal: null };
    case 'EscalatedToCentre':
      return { ...s, stage: 'escalated', pausedAt: event.data.at, escalation: { centralBody: event.data.centralBody, summary: event.data.summary, escalatedAt: event.data.at, response: null, respondedAt: null } };
    case 'CentreResponded':
      return withStages({
        ...s,
        stage: 'centreResponded',
        pausedAt: null,
        pausedMsTotal: s.pausedMsTotal + event.data.pausedMs,
        adjustedDueAt: event.data.adjustedDueAt,
        escalation: s.escalation && { ...s.escalation, response: event.data.response, respondedAt: event.data.at },
      }, (stage, d) => (d.reachedAt === null && d.missedAt === null ? { ...d, dueAt: event.data.stageDueAts?.[stage] ?? shiftMs(d.dueAt, event.data.pausedMs) } : d));
    case 'ReportSubmitted':
      const report = { summary: event.data.summary, submittedAt: event.data.at, ...(event.data.stopsClock && { stopsClock: true as const }) };
      return withStages({ ...s, stage: 'reported', report }, reached('report', event.data.at));
    case 'ReportConfirmed':
      // An extension still pending is moot once the work is closed, as on withdrawal.
      return { ...s, stage: 'closed', verdict: event.data.verdict, closedAt: event.data.at, pendingExtension: null };
    case 'ReportRejected': {
      const { adjustedDueAt, pausedMs } = event.data;
      const clock = adjustedDueAt === undefined ? {} : { adjustedDueAt, pausedMsTotal: s.pausedMsTotal + (pausedMs ?? 0) };
      if (event.data.backTo) return { ...s, ...clock, stage: event.data.backTo, report: null };
      return { ...s, ...clock, stage: 'research', report: null, proposal: null, escalation: null };
    }
    case 'ExtensionRequested':
      return { ...s, pendingExtension: { reason: event.data.reason, newDueAt: event.data.newDueAt, requestedAt: event.data.at } };
    case 'ExtensionApproved':
      return withStages(
        { ...s, adjustedDueAt: event.data.adjustedDueAt, extensions: decided(s, 'approved', event.data.at), pendingExtension: null, timers: freshTimers(event.data.at) },
        (stage, d) => (stage === 'report' ? { ...d, dueAt: event.data.adjustedDueAt } : d),
      );
    case 'ExtensionDenied':
      return { ...s, extensions: decided(s, 'denied', event.data.at), pendingExtension: null };
    case 'ExtensionRequestWithdrawn':
      return { ...s, extensions: decided(s, 'withdrawn', event.data.at), pendingExtension: null };
    case 'ExtensionRequestLapsed':
      return { ...s, extensions: decided(s, 'lapsed', event.data.at), pendingExtension: null };
    case 'AssignmentWithdrawn':
      return { ...s, stage: 'withdrawn', withdrawal: { reason: event.data.reason, at: event.data.at }, pendingExtension: null };
    case 'ReminderSent':
      return { ...s, timers: { ...s.timers, remindersSent: [...s.timers.remindersSent, event.data.beforeMs] } };
    case 'MarkedOverdue':
      return { ...s, timers: { ...s.timers, overdueMarkedAt: event.data.at } };
    case 'EscalatedToLevel':
      return { ...s, timers: { ...s.timers, level: event.data.level } };
    case 'StageDeadlineMissed':
      return withStages(s, (stage, d) => (stage === event.data.stage && d.missedAt === null ? { ...d, missedAt: event.data.at } : d));
    case 'TrackProgressRecorded':
      return { ...s, tracks: s.tracks.map((t) => (t.agency === event.data.agency ? { ...event.data } : t)) };
    case 'AssignmentClosed':
      return { ...s, stage: 'closed', verdict: event.data.verdict, closedAt: event.data.at, pendingExtension: null };
    default:
      return assertNever(event, 'assignment event');
  }
}

export const foldAssignment = (events: readonly AssignmentEvent[], from: AssignmentState = initialAssignmentState): AssignmentState => events.reduce(evolve, from);

export const isTerminal = (state: ExistingAssignment): boolean => state.stage === 'closed' || state.stage === 'withdrawn';

/** The report is with the Office for review, and the deadline's clock is stopped meanwhile (reports submitted before this did not stop it). */
export const inReview = (state: ExistingAssignment): boolean => state.stage === 'reported' && state.report?.stopsClock === true;
