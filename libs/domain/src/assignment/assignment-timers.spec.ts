import { deciderSpec } from '../testing/decider-spec';
import { CREATED_AT, DAY, DUE, LEAD, SUPERVISOR, SYSTEM, createdEvent, ev, inEscalated, inReported, inResearch } from '../testing/assignment-fixtures';
import { evolve, foldAssignment, initialAssignmentState, type AssignmentEvent } from './assignment';
import { decide } from './assignment-commands';
import { nextTimer } from './assignment-timers';

const given = deciderSpec({ decide, evolve, initialState: initialAssignmentState });

/** Fires whatever nextTimer asks for until it asks for nothing (or `limit` firings). */
function fireAll(history: AssignmentEvent[], limit = 20): { fired: { type: string; at: string }[]; events: AssignmentEvent[] } {
  const events = [...history];
  const fired: { type: string; at: string }[] = [];
  for (let timer = nextTimer(foldAssignment(events)); timer && fired.length < limit; timer = nextTimer(foldAssignment(events))) {
    fired.push({ type: timer.command.type + ('level' in timer.command ? timer.command.level : '') + ('beforeMs' in timer.command ? `-${timer.command.beforeMs / DAY}d` : ''), at: timer.at });
    events.push(...decide(timer.command, foldAssignment(events)));
  }
  return { fired, events };
}

describe('nextTimer', () => {
  it('arms reminders, the overdue mark, then ladder levels 1–3, each once, in order', () => {
    expect(fireAll([createdEvent()]).fired).toEqual([
      { type: 'SendReminder-3d', at: '2024-03-26T16:59:59.999Z' },
      { type: 'SendReminder-1d', at: '2024-03-28T16:59:59.999Z' },
      { type: 'MarkOverdue', at: '2024-03-29T17:00:00.000Z' },
      { type: 'Escalate1', at: '2024-03-30T16:59:59.999Z' },
      { type: 'Escalate2', at: '2024-04-01T16:59:59.999Z' },
      { type: 'Escalate3', at: '2024-04-05T16:59:59.999Z' },
    ]);
  });

  it('records each firing as an event carrying the due date it was for', () => {
    const { events } = fireAll([createdEvent()]);
    expect(events.slice(1)).toEqual([
      { type: 'ReminderSent', data: { beforeMs: 3 * DAY, dueAt: DUE, at: '2024-03-26T16:59:59.999Z' } },
      { type: 'ReminderSent', data: { beforeMs: DAY, dueAt: DUE, at: '2024-03-28T16:59:59.999Z' } },
      { type: 'MarkedOverdue', data: { dueAt: DUE, at: '2024-03-29T17:00:00.000Z' } },
      { type: 'EscalatedToLevel', data: { level: 1, dueAt: DUE, at: '2024-03-30T16:59:59.999Z' } },
      { type: 'EscalatedToLevel', data: { level: 2, dueAt: DUE, at: '2024-04-01T16:59:59.999Z' } },
      { type: 'EscalatedToLevel', data: { level: 3, dueAt: DUE, at: '2024-04-05T16:59:59.999Z' } },
    ]);
  });

  it('skips reminders that would fall before the assignment was created', () => {
    const late = createdEvent({ at: '2024-03-28T02:00:00.000Z' });
    expect(nextTimer(foldAssignment([late]))).toEqual({ at: '2024-03-28T16:59:59.999Z', command: { type: 'SendReminder', beforeMs: DAY, at: '2024-03-28T16:59:59.999Z', actor: SYSTEM } });
  });

  it('arms nothing while paused for the Centre, and resumes against the shifted due date', () => {
    expect(nextTimer(foldAssignment(inEscalated()))).toBeUndefined();
    const resumed = foldAssignment([...inEscalated(), ev.responded('2024-03-17T02:00:00.000Z', 10 * DAY, '2024-04-08T16:59:59.999Z')]);
    expect(nextTimer(resumed)?.at).toBe('2024-04-05T16:59:59.999Z');
  });

  it('arms nothing while the report is in review; rejected, it resumes against the deadline with the review given back', () => {
    expect(nextTimer(foldAssignment(inReported()))).toBeUndefined();
    // Reported 20 March, rejected 2 April (13 days in review): due Friday 29 March + 13 days = Thursday 11 April.
    const rejected = foldAssignment([...inReported(), { type: 'ReportRejected', data: { comment: 'Chưa đạt', at: '2024-04-02T02:00:00.000Z', pausedMs: 13 * DAY, adjustedDueAt: '2024-04-11T16:59:59.999Z' } }]);
    expect(nextTimer(rejected)).toMatchObject({ at: '2024-04-08T16:59:59.999Z', command: { type: 'SendReminder', beforeMs: 3 * DAY } });
  });

  it('keeps the clock running for a report stored before it stopped for review, as recorded runs did', () => {
    expect(nextTimer(foldAssignment([...inResearch(), ev.proposed('2024-03-05T02:00:00.000Z'), ev.accepted('2024-03-06T02:00:00.000Z'), ev.reportedClockRunning('2024-03-20T02:00:00.000Z')]))?.command.type).toBe('SendReminder');
  });

  it('arms nothing once closed or withdrawn, nor for a missing assignment', () => {
    expect(nextTimer(foldAssignment([...inReported(), { type: 'ReportConfirmed', data: { comment: null, verdict: 'onTime', dueAt: DUE, at: CREATED_AT } }]))).toBeUndefined();
    expect(nextTimer(foldAssignment([...inResearch(), { type: 'AssignmentWithdrawn', data: { reason: 'x', at: CREATED_AT } }]))).toBeUndefined();
    expect(nextTimer(initialAssignmentState)).toBeUndefined();
  });

  it('re-arms reminders, overdue and ladder for the new due date after an approved extension', () => {
    const { events } = fireAll([...inResearch()], 4); // 2 reminders, overdue, level 1
    const NEW_DUE = '2024-04-30T16:59:59.999Z';
    const extended = [...events, ev.extensionRequested('2024-03-31T02:00:00.000Z', NEW_DUE), ev.extensionApproved('2024-04-01T02:00:00.000Z', DUE, NEW_DUE)];
    expect(foldAssignment(extended)).toMatchObject({ originalDueAt: DUE, adjustedDueAt: NEW_DUE, timers: { level: 0, overdueMarkedAt: null, remindersSent: [] } });
    expect(fireAll(extended).fired.map((f) => f.at)).toEqual([
      '2024-04-27T16:59:59.999Z',
      '2024-04-29T16:59:59.999Z',
      '2024-04-30T17:00:00.000Z',
      '2024-05-01T16:59:59.999Z',
      '2024-05-03T16:59:59.999Z',
      '2024-05-07T16:59:59.999Z',
    ]);
  });

  it('arms nothing for an eachOf parent', () => {
    expect(nextTimer(foldAssignment([createdEvent({ kind: 'eachOf', agencies: [{ agency: 'UBND-HLA', role: 'lead' }] })]))).toBeUndefined();
  });
});

describe('timer commands', () => {
  const overdue = () => [...inResearch(), ev.overdue('2024-03-29T17:00:00.000Z')];

  it('refuse to fire early', () => {
    given(inResearch()).when({ type: 'SendReminder', at: '2024-03-26T16:59:59.998Z', actor: SYSTEM, beforeMs: 3 * DAY }).thenRejects('TIMER_NOT_DUE');
    given(inResearch()).when({ type: 'MarkOverdue', at: DUE, actor: SYSTEM }).thenRejects('TIMER_NOT_DUE');
    given(overdue()).when({ type: 'Escalate', at: '2024-03-30T16:59:59.998Z', actor: SYSTEM, level: 1 }).thenRejects('TIMER_NOT_DUE');
  });

  it('refuse to fire twice', () => {
    given([...inResearch(), { type: 'ReminderSent', data: { beforeMs: 3 * DAY, dueAt: DUE, at: '2024-03-27T00:00:00.000Z' } }])
      .when({ type: 'SendReminder', at: '2024-03-27T01:00:00.000Z', actor: SYSTEM, beforeMs: 3 * DAY })
      .thenRejects('TIMER_ALREADY_FIRED');
    given(overdue()).when({ type: 'MarkOverdue', at: '2024-03-30T00:00:00.000Z', actor: SYSTEM }).thenRejects('TIMER_ALREADY_FIRED');
    given(overdue()).when({ type: 'SendReminder', at: '2024-03-30T00:00:00.000Z', actor: SYSTEM, beforeMs: DAY }).thenRejects('TIMER_ALREADY_FIRED');
  });

  it('climb the ladder one level at a time, after the overdue mark', () => {
    given(inResearch()).when({ type: 'Escalate', at: '2024-04-30T00:00:00.000Z', actor: SYSTEM, level: 1 }).thenRejects('INVALID_TRANSITION');
    given(overdue()).when({ type: 'Escalate', at: '2024-04-30T00:00:00.000Z', actor: SYSTEM, level: 2 }).thenRejects('INVALID_TRANSITION');
    given(overdue()).when({ type: 'Escalate', at: '2024-04-30T00:00:00.000Z', actor: SYSTEM, level: 1 }).then([{ type: 'EscalatedToLevel', data: { level: 1, dueAt: DUE, at: '2024-04-30T00:00:00.000Z' } }]);
  });

  it('come from the system only, not while paused, only for reminders in the policy', () => {
    given(inResearch()).when({ type: 'MarkOverdue', at: '2024-04-30T00:00:00.000Z', actor: SUPERVISOR }).thenRejects('NOT_PERMITTED');
    given(inResearch()).when({ type: 'MarkOverdue', at: '2024-04-30T00:00:00.000Z', actor: LEAD }).thenRejects('NOT_PERMITTED');
    given(inEscalated()).when({ type: 'MarkOverdue', at: '2024-04-30T00:00:00.000Z', actor: SYSTEM }).thenRejects('TIMER_NOT_APPLICABLE');
    given(inReported()).when({ type: 'MarkOverdue', at: '2024-04-30T00:00:00.000Z', actor: SYSTEM }).thenRejects('TIMER_NOT_APPLICABLE');
    given(inResearch()).when({ type: 'SendReminder', at: '2024-03-29T00:00:00.000Z', actor: SYSTEM, beforeMs: 2 * DAY }).thenRejects('VALIDATION_FAILED');
  });
});
