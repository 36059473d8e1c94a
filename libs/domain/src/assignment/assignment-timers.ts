import { toIso, toMs } from '../shared/time';
import { isTerminal, type AssignmentState, type ExistingAssignment } from './assignment';
import type { TimerCommand } from './assignment-commands';

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

/**
 * The one timer the workflow should arm next, in order: reminders not yet sent (skipping those that would fall
 * before the current cycle started), the overdue mark 1 ms after the due date, then ladder levels 1–3.
 * None for an eachOf parent (its tracks carry timers), while paused for the Centre, or once closed/withdrawn.
 */
export function nextTimer(state: AssignmentState): NextTimer | undefined {
  if (!state.exists || isTerminal(state) || state.pausedAt !== null || state.kind === 'eachOf') return undefined;
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
