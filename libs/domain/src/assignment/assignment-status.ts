import { DomainError } from '../shared/domain-error';
import { isAfter } from '../shared/time';
import { inReview, type AssignmentState, type ExistingAssignment, type TrackProgress } from './assignment';
import { STAGE_MILESTONES, type AgencyAssignment, type AssignmentKind, type AssignmentStage, type AssignmentStatus, type EscalationLevel, type StageMilestone, type Verdict } from './assignment-types';

function existing(state: AssignmentState): ExistingAssignment {
  if (!state.exists) throw new DomainError('ASSIGNMENT_NOT_FOUND', 'The assignment does not exist');
  return state;
}

/**
 * The tracker status at an instant. Closed: from the verdict fixed at confirmation. Open: overdue once `atIso`
 * is after the deadline in force; while paused for the Centre, or while the report is in review, the clock is stopped
 * at the pause or at the report.
 */
export function statusAt(state: AssignmentState, atIso: string): AssignmentStatus {
  const s = existing(state);
  if (s.stage === 'withdrawn') return 'withdrawn';
  if (s.stage === 'closed') return s.verdict === 'late' ? 'doneLate' : 'doneOnTime';
  if (s.kind === 'eachOf') return openTracks(s).some((t) => trackOverdueAt(s, t, atIso)) ? 'inProgressOverdue' : 'inProgressOnTime';
  const clock = s.pausedAt ?? (inReview(s) ? s.report?.submittedAt : undefined) ?? atIso;
  return isAfter(clock, s.adjustedDueAt) ? 'inProgressOverdue' : 'inProgressOnTime';
}

/*
 * An eachOf parent keeps no clock of its own: each district runs its track to the track's deadline in force, which
 * an extension or a Centre pause moves without touching the parent's. The parent is overdue while any open track is.
 */
const isOpen = (t: TrackProgress): boolean => t.stage !== 'closed' && t.stage !== 'withdrawn';
const openTracks = (s: ExistingAssignment): readonly TrackProgress[] => s.tracks.filter(isOpen);
/** Tracks that reported no deadline (runs recorded before they did) kept the parent's. */
const trackDueAt = (s: ExistingAssignment, t: TrackProgress): string => t.dueAt ?? s.adjustedDueAt;
const trackOverdueAt = (s: ExistingAssignment, t: TrackProgress, atIso: string): boolean =>
  t.status === 'inProgressOverdue' || (!t.paused && isAfter(atIso, trackDueAt(s, t)));

/**
 * The deadline an open eachOf parent is held to: the earliest in force among its open tracks whose clock runs (or
 * that are already overdue); `paused` when every open track waits for the Centre on time.
 */
function parentClock(s: ExistingAssignment): { dueAt: string; paused: boolean } {
  const open = openTracks(s);
  const running = open.filter((t) => !t.paused || t.status === 'inProgressOverdue');
  const earliest = running.map((t) => trackDueAt(s, t)).sort()[0];
  return { dueAt: earliest ?? s.adjustedDueAt, paused: open.length > 0 && running.length === 0 };
}

/** Where the summary's dueAt and paused come from: the assignment's own, or for an open eachOf parent its tracks'. */
function clockOf(s: ExistingAssignment): { dueAt: string; paused: boolean } {
  const open = s.stage !== 'closed' && s.stage !== 'withdrawn';
  if (s.kind === 'eachOf' && open) return parentClock(s);
  // Withdrawn while waiting for the Centre: the pause ended with the assignment.
  return { dueAt: s.adjustedDueAt, paused: open && (s.pausedAt !== null || inReview(s)) };
}

export interface TrackRollUp {
  readonly total: number;
  readonly byStatus: Readonly<Record<AssignmentStatus, number>>;
  /**
   * dueAt: the track's deadline in force as it last reported it; paused: its clock stopped (the Centre, a report in
   * review); level: the escalation ladder's level it reached (null: it last reported before tracks sent their level).
   */
  readonly tracks: readonly {
    readonly agency: string;
    readonly stage: AssignmentStage;
    readonly status: AssignmentStatus;
    readonly dueAt: string;
    readonly paused: boolean;
    /** null: the track has not reported its level (it last reported before tracks did). */
    readonly level: 0 | EscalationLevel | null;
    /** Read from the track's own row (GET of the parent), not reported by it: its request awaiting a decision. */
    readonly pendingExtensionDueAt?: string | null;
    /** Judged when the parent is read (GET): whether its deadline in force, or its pending request's date, is a day off. */
    readonly dueOnDayOff?: boolean;
    readonly pendingExtensionOnDayOff?: boolean;
  }[];
}

export interface StageDeadlineSummary {
  /** The stage deadline in force. */
  readonly dueAt: string;
  /** The milestone was reached (first acknowledgement, proposal or report). */
  readonly reached: boolean;
  /** StageDeadlineMissed fired for it. */
  readonly missed: boolean;
}

export type StageDeadlinesSummary = { readonly [S in StageMilestone]?: StageDeadlineSummary };

export interface AssignmentSummary {
  readonly id: string;
  readonly directiveId: string;
  readonly parentId: string | null;
  readonly kind: AssignmentKind;
  readonly paragraph: string | null;
  readonly text: string;
  readonly stage: AssignmentStage;
  readonly status: AssignmentStatus;
  readonly agencies: readonly AgencyAssignment[];
  readonly lead: string | null;
  readonly coordinators: readonly string[];
  readonly dueAt: string;
  readonly originalDueAt: string;
  readonly adjustedDueAt: string;
  readonly paused: boolean;
  readonly pausedMsTotal: number;
  readonly pendingExtensionDueAt: string | null;
  readonly verdict: Verdict | null;
  readonly closedAt: string | null;
  readonly overdueLevel: 0 | EscalationLevel;
  readonly tracks: TrackRollUp | null;
  /** The notice puts the matter beyond the province's competence: the lead is expected to propose it to the Centre. */
  readonly centralCompetence: boolean;
  /** Present only when the assignment has stage deadlines. */
  readonly stageDeadlines?: StageDeadlinesSummary;
}

const emptyCounts = (): Record<AssignmentStatus, number> => ({ inProgressOnTime: 0, inProgressOverdue: 0, doneOnTime: 0, doneLate: 0, withdrawn: 0 });

function rollUp(s: ExistingAssignment): TrackRollUp | null {
  if (s.kind !== 'eachOf') return null;
  // Withdrawing the parent withdraws its open tracks; their own word of it reaches a parent that takes no more.
  const tracks = s.stage === 'withdrawn' ? s.tracks.map((t) => (isOpen(t) ? { ...t, stage: 'withdrawn' as const, status: 'withdrawn' as const } : t)) : s.tracks;
  const byStatus = emptyCounts();
  for (const t of tracks) byStatus[t.status] += 1;
  return { total: tracks.length, byStatus, tracks: tracks.map((t) => ({ agency: t.agency, stage: t.stage, status: t.status, dueAt: trackDueAt(s, t), paused: isOpen(t) && t.paused === true, level: t.level ?? null })) };
}

/** An "each of" parent climbs no ladder of its own: the highest level among its open tracks is where it stands. */
function highestTrackLevel(s: ExistingAssignment): 0 | EscalationLevel {
  if (s.stage === 'withdrawn' || s.stage === 'closed') return 0; // its open tracks were withdrawn with it
  return openTracks(s).reduce<0 | EscalationLevel>((highest, t) => ((t.level ?? 0) > highest ? (t.level ?? 0) : highest), 0);
}

function stageSummary(s: ExistingAssignment): StageDeadlinesSummary {
  const out: { [S in StageMilestone]?: StageDeadlineSummary } = {};
  for (const stage of STAGE_MILESTONES) {
    const d = s.stageDeadlines?.[stage];
    if (d) out[stage] = { dueAt: d.dueAt, reached: d.reachedAt !== null, missed: d.missedAt !== null };
  }
  return out;
}

/** A flat, JSON-ready row for projections (no stream version). */
export function summarize(state: AssignmentState, atIso: string): AssignmentSummary {
  const s = existing(state);
  const clock = clockOf(s);
  return {
    id: s.id,
    directiveId: s.directiveId,
    parentId: s.parentId,
    kind: s.kind,
    paragraph: s.paragraph,
    text: s.text,
    stage: s.stage,
    status: statusAt(s, atIso),
    agencies: s.agencies,
    lead: s.lead,
    coordinators: s.agencies.filter((a) => a.role === 'coordinator').map((a) => a.agency),
    dueAt: clock.dueAt,
    originalDueAt: s.originalDueAt,
    adjustedDueAt: s.adjustedDueAt,
    paused: clock.paused,
    pausedMsTotal: s.pausedMsTotal,
    pendingExtensionDueAt: s.pendingExtension?.newDueAt ?? null,
    verdict: s.verdict,
    closedAt: s.closedAt,
    overdueLevel: s.kind === 'eachOf' ? highestTrackLevel(s) : s.timers.level,
    tracks: rollUp(s),
    centralCompetence: s.centralCompetence === true,
    // An "each of" parent's milestones are its tracks' to reach (each on its own clock): on the parent they would
    // read as never reached nor missed.
    ...(s.stageDeadlines && s.kind !== 'eachOf' ? { stageDeadlines: stageSummary(s) } : {}),
  };
}

export { emptyCounts as emptyStatusCounts };
