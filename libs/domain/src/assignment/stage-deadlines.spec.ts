import fc from 'fast-check';
import { deciderSpec } from '../testing/decider-spec';
import { CREATED_AT, DAY, DUE, LEAD, SUPERVISOR, SYSTEM, createCommand, createdEvent, ev } from '../testing/assignment-fixtures';
import { evolve, foldAssignment, initialAssignmentState, type AssignmentCreated, type AssignmentEvent } from './assignment';
import { decide } from './assignment-commands';
import { summarize } from './assignment-status';
import { nextTimer } from './assignment-timers';
import type { StageDeadlineSpecs } from './assignment-types';

const given = deciderSpec({ decide, evolve, initialState: initialAssignmentState });

// Created Friday 1 March 2024; overall due end of Friday 29 March (DUE).
const ACK_DUE = '2024-03-05T16:59:59.999Z'; // Tuesday
const PROPOSE_DUE = '2024-03-15T16:59:59.999Z'; // Friday
const REPORT_DUE = '2024-03-25T16:59:59.999Z'; // Monday
const STAGES: StageDeadlineSpecs = { acknowledge: { kind: 'date', date: '2024-03-05' }, propose: { kind: 'date', date: '2024-03-15' }, report: { kind: 'date', date: '2024-03-25' } };

const create = createCommand;

const withStages = (overrides: Partial<AssignmentCreated['data']> = {}): AssignmentCreated =>
  createdEvent({
    stageDeadlines: {
      acknowledge: { deadline: { kind: 'date', date: '2024-03-05' }, dueAt: ACK_DUE },
      propose: { deadline: { kind: 'date', date: '2024-03-15' }, dueAt: PROPOSE_DUE },
      report: { deadline: { kind: 'date', date: '2024-03-25' }, dueAt: REPORT_DUE },
    },
    ...overrides,
  });

const label = (e: AssignmentEvent): string =>
  e.type === 'StageDeadlineMissed' ? `${e.type}:${e.data.stage}` : e.type === 'EscalatedToLevel' ? `${e.type}${e.data.level}` : e.type === 'ReminderSent' ? `${e.type}-${e.data.beforeMs / DAY}d` : e.type;

/** Fires whatever nextTimer asks for until it asks for nothing (or `limit` firings). */
function fireAll(history: AssignmentEvent[], limit = 30): AssignmentEvent[] {
  const events = [...history];
  for (let timer = nextTimer(foldAssignment(events)), n = 0; timer && n < limit; timer = nextTimer(foldAssignment(events)), n++) {
    events.push(...decide(timer.command, foldAssignment(events)));
  }
  return events.slice(history.length);
}

describe('CreateAssignment with stage deadlines', () => {
  it('resolves each stage deadline like the overall one and records both', () => {
    given([]).when(create({ stageDeadlines: STAGES })).then([withStages()]);
    given([]).when(create({ stageDeadlines: { propose: { kind: 'workingDays', days: 10 } } })).then([
      createdEvent({ stageDeadlines: { propose: { deadline: { kind: 'workingDays', days: 10 }, dueAt: PROPOSE_DUE } } }),
    ]);
  });

  it('records nothing extra without stage deadlines (or with an empty set)', () => {
    given([]).when(create()).then([createdEvent()]);
    const [event] = given([]).when(create({ stageDeadlines: {} })).then([createdEvent()]);
    expect('stageDeadlines' in event.data).toBe(false);
    expect('stageDeadlines' in foldAssignment([event])).toBe(false);
  });

  it('rejects a stage deadline after the overall deadline, stages out of order, and malformed ones', () => {
    given([]).when(create({ stageDeadlines: { report: { kind: 'date', date: '2024-04-01' } } })).thenRejects('VALIDATION_FAILED');
    given([]).when(create({ stageDeadlines: { acknowledge: { kind: 'date', date: '2024-03-20' }, propose: { kind: 'date', date: '2024-03-15' } } })).thenRejects('VALIDATION_FAILED');
    given([]).when(create({ stageDeadlines: { propose: { kind: 'date', date: '2024-03-20' }, report: { kind: 'date', date: '2024-03-15' } } })).thenRejects('VALIDATION_FAILED');
    given([]).when(create({ stageDeadlines: { acknowledge: { kind: 'weeks', days: 1 } } as unknown as StageDeadlineSpecs })).thenRejects('VALIDATION_FAILED');
    given([]).when(create({ stageDeadlines: { closure: { kind: 'workingDays', days: 1 } } as unknown as StageDeadlineSpecs })).thenRejects('VALIDATION_FAILED');
    // Equal instants are in order, and a stage may end with the overall deadline.
    given([]).when(create({ stageDeadlines: { propose: { kind: 'date', date: '2024-03-29' }, report: { kind: 'date', date: '2024-03-29' } } })).then([
      createdEvent({ stageDeadlines: { propose: { deadline: { kind: 'date', date: '2024-03-29' }, dueAt: DUE }, report: { deadline: { kind: 'date', date: '2024-03-29' }, dueAt: DUE } } }),
    ]);
  });
});

describe('nextTimer with stage deadlines', () => {
  it('fires each missed stage once, interleaved by time with reminders, overdue and the ladder', () => {
    expect(fireAll([withStages()]).map((e) => `${label(e)}@${e.data.at}`)).toEqual([
      `StageDeadlineMissed:acknowledge@2024-03-05T17:00:00.000Z`,
      `StageDeadlineMissed:propose@2024-03-15T17:00:00.000Z`,
      `StageDeadlineMissed:report@2024-03-25T17:00:00.000Z`,
      'ReminderSent-3d@2024-03-26T16:59:59.999Z',
      'ReminderSent-1d@2024-03-28T16:59:59.999Z',
      'MarkedOverdue@2024-03-29T17:00:00.000Z',
      'EscalatedToLevel1@2024-03-30T16:59:59.999Z',
      'EscalatedToLevel2@2024-04-01T16:59:59.999Z',
      'EscalatedToLevel3@2024-04-05T16:59:59.999Z',
    ]);
    expect(fireAll([withStages()]).find((e) => e.type === 'StageDeadlineMissed')).toEqual({ type: 'StageDeadlineMissed', data: { stage: 'acknowledge', dueAt: ACK_DUE, at: '2024-03-05T17:00:00.000Z' } });
  });

  it('leaves the sequence as it was without stage deadlines', () => {
    expect(fireAll([createdEvent()]).map(label)).toEqual(['ReminderSent-3d', 'ReminderSent-1d', 'MarkedOverdue', 'EscalatedToLevel1', 'EscalatedToLevel2', 'EscalatedToLevel3']);
  });

  it('skips milestones reached in time', () => {
    const onTime = [withStages(), ev.acknowledged('2024-03-04T02:00:00.000Z'), ev.proposed('2024-03-10T02:00:00.000Z')];
    expect(fireAll(onTime).filter((e) => e.type === 'StageDeadlineMissed').map(label)).toEqual(['StageDeadlineMissed:report']);
  });

  it('lets the existing sequence win a tie with a stage deadline at the same instant', () => {
    const atDue = withStages({ stageDeadlines: { report: { deadline: { kind: 'date', date: '2024-03-29' }, dueAt: DUE } } });
    expect(fireAll([atDue]).map(label)).toEqual(['ReminderSent-3d', 'ReminderSent-1d', 'MarkedOverdue', 'StageDeadlineMissed:report', 'EscalatedToLevel1', 'EscalatedToLevel2', 'EscalatedToLevel3']);
  });

  it('counts a returned proposal as submitted', () => {
    const returned: AssignmentEvent = { type: 'ProposalReturned', data: { comment: 'Bổ sung', at: '2024-03-12T02:00:00.000Z' } };
    const events = [withStages(), ev.acknowledged('2024-03-04T02:00:00.000Z'), ev.proposed('2024-03-10T02:00:00.000Z'), returned];
    expect(nextTimer(foldAssignment(events))?.command).toEqual({ type: 'MarkStageOverdue', stage: 'report', at: '2024-03-25T17:00:00.000Z', actor: SYSTEM });
  });

  it('arms nothing while paused for the Centre, then shifts the pending stages by the pause', () => {
    const escalated = [withStages(), ev.acknowledged('2024-03-02T02:00:00.000Z'), ev.proposed('2024-03-05T02:00:00.000Z', true), ev.accepted('2024-03-06T02:00:00.000Z'), ev.escalated('2024-03-07T02:00:00.000Z')];
    expect(nextTimer(foldAssignment(escalated))).toBeUndefined();
    given(escalated).when({ type: 'MarkStageOverdue', stage: 'report', at: '2024-04-30T00:00:00.000Z', actor: SYSTEM }).thenRejects('TIMER_NOT_APPLICABLE');
    const resumed = foldAssignment([...escalated, ev.responded('2024-03-17T02:00:00.000Z', 10 * DAY, '2024-04-08T16:59:59.999Z')]);
    expect(resumed.exists && resumed.stageDeadlines).toEqual({
      acknowledge: { dueAt: ACK_DUE, reachedAt: '2024-03-02T02:00:00.000Z', missedAt: null },
      propose: { dueAt: PROPOSE_DUE, reachedAt: '2024-03-05T02:00:00.000Z', missedAt: null },
      report: { dueAt: '2024-04-04T16:59:59.999Z', reachedAt: null, missedAt: null },
    });
    expect(nextTimer(resumed)?.command).toMatchObject({ type: 'MarkStageOverdue', stage: 'report', at: '2024-04-04T17:00:00.000Z' });
  });

  it('moves a pending stage deadline the pause would put on a day off to the end of the next working day, as the overall one', () => {
    const escalated = [withStages(), ev.acknowledged('2024-03-02T02:00:00.000Z'), ev.proposed('2024-03-05T02:00:00.000Z', true), ev.accepted('2024-03-06T02:00:00.000Z'), ev.escalated('2024-03-07T02:00:00.000Z')];
    // 5 days paused: the report stage (Mon 25/3) would end on Saturday 30/3; the overall deadline (Fri 29/3) on Wed 3/4.
    const [responded] = given(escalated).when({ type: 'RecordCentreResponse', at: '2024-03-12T02:00:00.000Z', actor: SUPERVISOR, response: 'Đồng ý' }).then([
      { type: 'CentreResponded', data: { response: 'Đồng ý', pausedMs: 5 * DAY, adjustedDueAt: '2024-04-03T16:59:59.999Z', stageDueAts: { report: '2024-04-01T16:59:59.999Z' }, at: '2024-03-12T02:00:00.000Z' } },
    ]);
    const resumed = foldAssignment([...escalated, responded]);
    expect(resumed.exists && resumed.stageDeadlines?.report?.dueAt).toBe('2024-04-01T16:59:59.999Z');
  });

  it('moves the report stage deadline to the extended date', () => {
    const NEW_DUE = '2024-04-30T16:59:59.999Z';
    const extended = foldAssignment([withStages(), ev.extensionRequested('2024-03-02T02:00:00.000Z', NEW_DUE), ev.extensionApproved('2024-03-03T02:00:00.000Z', DUE, NEW_DUE)]);
    expect(extended.exists && extended.stageDeadlines?.report?.dueAt).toBe(NEW_DUE);
    expect(extended.exists && extended.stageDeadlines?.propose?.dueAt).toBe(PROPOSE_DUE);
    const withoutReport = foldAssignment([createdEvent({ stageDeadlines: { acknowledge: { deadline: { kind: 'date', date: '2024-03-05' }, dueAt: ACK_DUE } } }), ev.extensionRequested('2024-03-02T02:00:00.000Z', NEW_DUE), ev.extensionApproved('2024-03-03T02:00:00.000Z', DUE, NEW_DUE)]);
    expect(withoutReport.exists && withoutReport.stageDeadlines).toEqual({ acknowledge: { dueAt: ACK_DUE, reachedAt: null, missedAt: null } });
  });
});

describe('MarkStageOverdue', () => {
  const missedAck: AssignmentEvent = { type: 'StageDeadlineMissed', data: { stage: 'acknowledge', dueAt: ACK_DUE, at: '2024-03-05T17:00:00.000Z' } };

  it('records the missed stage with the instant it was due', () => {
    given([withStages()]).when({ type: 'MarkStageOverdue', stage: 'acknowledge', at: '2024-03-05T17:00:00.000Z', actor: SYSTEM }).then([missedAck]);
  });

  it('refuses to fire early, twice, for a reached milestone, for a stage without a deadline, or from anyone but the system', () => {
    given([withStages()]).when({ type: 'MarkStageOverdue', stage: 'acknowledge', at: ACK_DUE, actor: SYSTEM }).thenRejects('TIMER_NOT_DUE');
    given([withStages(), missedAck]).when({ type: 'MarkStageOverdue', stage: 'acknowledge', at: '2024-03-06T00:00:00.000Z', actor: SYSTEM }).thenRejects('TIMER_ALREADY_FIRED');
    given([withStages(), ev.acknowledged('2024-03-04T02:00:00.000Z')]).when({ type: 'MarkStageOverdue', stage: 'acknowledge', at: '2024-03-06T00:00:00.000Z', actor: SYSTEM }).thenRejects('TIMER_NOT_APPLICABLE');
    given([createdEvent()]).when({ type: 'MarkStageOverdue', stage: 'acknowledge', at: '2024-03-06T00:00:00.000Z', actor: SYSTEM }).thenRejects('TIMER_NOT_APPLICABLE');
    given([withStages()]).when({ type: 'MarkStageOverdue', stage: 'acknowledge', at: '2024-03-06T00:00:00.000Z', actor: SUPERVISOR }).thenRejects('NOT_PERMITTED');
    given([withStages()]).when({ type: 'MarkStageOverdue', stage: 'closure' as 'report', at: '2024-03-06T00:00:00.000Z', actor: SYSTEM }).thenRejects('VALIDATION_FAILED');
  });

  it('does not block the milestone: a late acknowledgement is still accepted', () => {
    given([withStages(), missedAck]).when({ type: 'Acknowledge', at: '2024-03-06T00:00:00.000Z', actor: LEAD }).then([{ type: 'AssignmentAcknowledged', data: { agency: 'SNV', at: '2024-03-06T00:00:00.000Z' } }]);
  });
});

describe('summarize with stage deadlines', () => {
  it('shows each stage deadline, whether it was reached and whether it was missed; nothing without them', () => {
    const state = foldAssignment([withStages(), { type: 'StageDeadlineMissed', data: { stage: 'acknowledge', dueAt: ACK_DUE, at: '2024-03-05T17:00:00.000Z' } }, ev.acknowledged('2024-03-06T02:00:00.000Z')]);
    expect(summarize(state, '2024-03-06T03:00:00.000Z').stageDeadlines).toEqual({
      acknowledge: { dueAt: ACK_DUE, reached: true, missed: true },
      propose: { dueAt: PROPOSE_DUE, reached: false, missed: false },
      report: { dueAt: REPORT_DUE, reached: false, missed: false },
    });
    expect('stageDeadlines' in summarize(foldAssignment([createdEvent()]), CREATED_AT)).toBe(false);
  });

  it('shows none on an "each of" parent, whose tracks each reach or miss them on their own clock', () => {
    const parent = withStages({ assignmentId: 'TB-123.2', kind: 'eachOf', agencies: [{ agency: 'UBND-HLA', role: 'lead' }, { agency: 'UBND-HLB', role: 'lead' }] });
    expect('stageDeadlines' in summarize(foldAssignment([parent]), '2024-04-01T00:00:00.000Z')).toBe(false);
  });
});

describe('stage deadline property', () => {
  it('each stage fires at most once, never for a milestone reached by its instant, and always for one that was not', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 27 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 40 * 24 }), (days, ackAfterHours) => {
        const sorted = [...days].sort((a, b) => a - b);
        const stages = (['acknowledge', 'propose', 'report'] as const).slice(0, sorted.length);
        const specs = Object.fromEntries(stages.map((stage, i) => [stage, { kind: 'calendarDays', days: sorted[i] }])) as StageDeadlineSpecs;
        const events: AssignmentEvent[] = [...decide(create({ stageDeadlines: specs }), initialAssignmentState)];
        const ackAt = new Date(Date.parse(CREATED_AT) + ackAfterHours * 3_600_000).toISOString();
        for (let timer = nextTimer(foldAssignment(events)), n = 0; timer && n < 30; timer = nextTimer(foldAssignment(events)), n++) {
          const state = foldAssignment(events);
          if (state.exists && state.acknowledgedAt === null && ackAt < timer.at) events.push(...decide({ type: 'Acknowledge', at: ackAt, actor: LEAD }, state));
          else events.push(...decide(timer.command, state));
        }
        const missed = events.flatMap((e) => (e.type === 'StageDeadlineMissed' ? [e.data] : []));
        expect(new Set(missed.map((m) => m.stage)).size).toBe(missed.length);
        const created = events[0].type === 'AssignmentCreated' ? events[0].data : undefined;
        const ackDue = created?.stageDeadlines?.acknowledge?.dueAt;
        if (ackDue !== undefined) expect(missed.some((m) => m.stage === 'acknowledge')).toBe(ackAt > ackDue);
        // Neither proposal nor report is ever submitted here: each of those stages fires exactly once.
        expect(missed.filter((m) => m.stage !== 'acknowledge').length).toBe(stages.filter((s) => s !== 'acknowledge').length);
      }),
      { numRuns: 100 },
    );
  });
});
