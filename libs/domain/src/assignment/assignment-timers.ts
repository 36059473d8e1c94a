import { toIso, toMs } from '../shared/time';
import { inReview, isTerminal, type AssignmentState, type ExistingAssignment } from './assignment';
import type { TimerCommand } from './assignment-commands';
import { STAGE_MILESTONES } from './assignment-types';

export interface NextTimer {
  /** When to fire; may be in the past (fire at once). Stamp `command.at` with the actual firing instant (≥ this). */
  readonly at: string;
  readonly command: TimerCommand;
}

const SYSTEM = { kind: 'system' } as const;

function nextReminder(s: ExistingAssignment, dueMs: number): NextTimer | undefined {
  const cycleStart = toMs(s.timers.startedAt);
  const beforeMs = [...s.timerPolicy.remindBeforeMs]
    .sort((a, b) => b - a)
    .find((b) => !s.timers.remindersSent.includes(b) && dueMs - b >= cycleStart);
  if (beforeMs === undefined) return undefined;
  const at = toIso(dueMs - beforeMs);
  return { at, command: { type: 'SendReminder', beforeMs, at, actor: SYSTEM } };
}

/** The earliest stage deadline still pending (milestone not reached, not yet marked missed): 1 ms after its instant. */
function nextStageTimer(s: ExistingAssignment): NextTimer | undefined {
  let next: NextTimer | undefined;
  for (const stage of STAGE_MILESTONES) {
    const d = s.stageDeadlines?.[stage];
    if (!d || d.reachedAt !== null || d.missedAt !== null) continue;
    const at = toIso(toMs(d.dueAt) + 1);
    if (!next || toMs(at) < toMs(next.at)) next = { at, command: { type: 'MarkStageOverdue', stage, at, actor: SYSTEM } };
  }
  return next;
}

/**
 * The one timer the workflow should arm next: the earlier of the deadline sequence and the pending stage deadlines
 * (the sequence wins a tie). The sequence, in order: reminders not yet sent (skipping those that would fall before
 * the current cycle started), the overdue mark 1 ms after the due date, then ladder levels 1–3. A stage deadline
 * fires 1 ms after its instant, once, unless its milestone was reached. None for an eachOf parent (its tracks carry
 * timers), while paused for the Centre or the report is in review, or once closed/withdrawn.
 */
export function nextTimer(state: AssignmentState): NextTimer | undefined {
  if (!state.exists || isTerminal(state) || state.pausedAt !== null || inReview(state) || state.kind === 'eachOf') return undefined;
  const sequence = nextInSequence(state);
  const stage = nextStageTimer(state);
  if (!stage) return sequence;
  if (!sequence) return stage;
  return toMs(stage.at) < toMs(sequence.at) ? stage : sequence;
}

function nextInSequence(state: ExistingAssignment): NextTimer | undefined {
  const dueMs = toMs(state.adjustedDueAt);
  if (state.timers.overdueMarkedAt === null) {
    const reminder = nextReminder(state, dueMs);
    if (reminder) return reminder;
    const at = toIso(dueMs + 1);
    return { at, command: { type: 'MarkOverdue', at, actor: SYSTEM } };
  }
  if (state.timers.level >= 3) return undefined;
  const level = (state.timers.level + 1) as 1 | 2 | 3;
  const at = toIso(dueMs + state.timerPolicy.ladderAfterMs[level - 1]);
  return { at, command: { type: 'Escalate', level, at, actor: SYSTEM } };
}
