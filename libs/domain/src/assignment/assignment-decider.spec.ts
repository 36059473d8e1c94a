import { deciderSpec } from '../testing/decider-spec';
import {
  ADMIN,
  COORDINATOR,
  DAY,
  DUE,
  LEAD,
  POLICY,
  STRANGER,
  SUPERVISOR,
  TEXT,
  createdEvent,
  ev,
  inAccepted,
  inCentreResponded,
  inEscalated,
  inProposed,
  inReported,
  inResearch,
  createCommand,
} from '../testing/assignment-fixtures';
import { evolve, foldAssignment, initialAssignmentState, type AssignmentEvent } from './assignment';
import { admitAssignmentCommand, decide, type CreateAssignment } from './assignment-commands';

const given = deciderSpec({ decide, evolve, initialState: initialAssignmentState });
const T = '2024-03-21T02:00:00.000Z'; // after every fixture history

// Reminders given out of order: creation stores them as the policy's canonical order.
const create = (overrides: Partial<CreateAssignment> = {}): CreateAssignment =>
  createCommand({ timerPolicy: { remindBeforeMs: [DAY, 3 * DAY], ladderAfterMs: [DAY, 3 * DAY, 7 * DAY] }, ...overrides });

const stateOf = (events: AssignmentEvent[]) => {
  const state = foldAssignment(events);
  if (!state.exists) throw new Error('expected an assignment');
  return state;
};

describe('CreateAssignment', () => {
  it('creates the assignment with its resolved deadline and the policy in firing order', () => {
    given([]).when(create()).then([createdEvent()]);
  });

  it('normalises Vietnamese text to NFC and trims it', () => {
    const decomposed = `  ${TEXT.normalize('NFD')}\n`;
    expect(decomposed).not.toBe(TEXT);
    const [event] = given([]).when(create({ text: decomposed })).then([createdEvent()]);
    expect(event.type === 'AssignmentCreated' && event.data.text).toBe(TEXT);
  });

  it('resolves a working-day deadline from deadlineFrom, across Tết', () => {
    given([])
      .when(create({ deadline: { kind: 'workingDays', days: 10 }, deadlineFrom: '2024-02-01T09:00:00+07:00' }))
      .then([createdEvent({ deadline: { kind: 'workingDays', days: 10 }, originalDueAt: '2024-02-22T16:59:59.999Z' })]);
  });

  it('creates a track of an eachOf parent under the id parent.agency', () => {
    given([])
      .when(create({ assignmentId: 'TB-123.2.UBND-HLA', kind: 'track', parentId: 'TB-123.2', agencies: [{ agency: 'UBND-HLA', role: 'lead' }] }))
      .then([createdEvent({ assignmentId: 'TB-123.2.UBND-HLA', kind: 'track', parentId: 'TB-123.2', agencies: [{ agency: 'UBND-HLA', role: 'lead' }] })]);
  });

  it('rejects a second creation', () => {
    given([createdEvent()]).when(create()).thenRejects('ASSIGNMENT_ALREADY_EXISTS');
  });

  it('rejects an agency creating it', () => {
    given([]).when(create({ actor: LEAD })).thenRejects('NOT_PERMITTED');
  });

  it.each([
    ['two leads', { agencies: [{ agency: 'SNV', role: 'lead' }, { agency: 'STC', role: 'lead' }] }],
    ['no lead', { agencies: [{ agency: 'STC', role: 'coordinator' }] }],
    ['an agency twice', { agencies: [{ agency: 'SNV', role: 'lead' }, { agency: 'SNV', role: 'coordinator' }] }],
    ['blank text', { text: '   ' }],
    ['a malformed instant', { at: '2024-03-01 09:00' }],
    ['reminders not positive', { timerPolicy: { remindBeforeMs: [0], ladderAfterMs: [1, 2, 3] } }],
    ['a ladder not increasing', { timerPolicy: { remindBeforeMs: [DAY], ladderAfterMs: [3, 2, 1] } }],
    ['a ladder step beyond ten years (past the last date JavaScript holds)', { timerPolicy: { remindBeforeMs: [DAY], ladderAfterMs: [DAY, 2 * DAY, 9e15] } }],
    ['a reminder beyond ten years', { timerPolicy: { remindBeforeMs: [3651 * DAY], ladderAfterMs: [1, 2, 3] } }],
    ['a year 0000 instant (PostgreSQL has no year 0)', { at: '0000-06-01T00:00:00Z' }],
    ['an instant past year 9999 once in UTC (PostgreSQL cannot read +010000-…)', { deadline: { kind: 'instant', at: '9999-12-31T23:30:00-05:00' } }],
    ['text with a NUL', { text: 'Rà soát\u0000' }],
    ['a track id that does not match', { kind: 'track', parentId: 'TB-123.2', agencies: [{ agency: 'UBND-HLA', role: 'lead' }] }],
    ['an impossible date', { deadline: { kind: 'date', date: '2024-02-30' } }],
  ] as [string, Partial<CreateAssignment>][])('rejects %s with VALIDATION_FAILED', (_label, overrides) => {
    given([]).when(create(overrides)).thenRejects('VALIDATION_FAILED');
  });
});

describe('commands on a missing assignment', () => {
  it('are rejected with ASSIGNMENT_NOT_FOUND', () => {
    given([]).when({ type: 'Acknowledge', at: T, actor: LEAD }).thenRejects('ASSIGNMENT_NOT_FOUND');
  });
});

describe('time', () => {
  it('never goes backwards: a command dated before the last event is OUT_OF_ORDER', () => {
    given(inResearch()).when({ type: 'RecordResearch', at: '2024-03-01T23:59:59.999Z', actor: LEAD, note: 'x' }).thenRejects('OUT_OF_ORDER');
    given(inResearch()).when({ type: 'RecordResearch', at: '2024-03-02T02:00:00.000Z', actor: LEAD, note: 'x' }).then([{ type: 'ResearchRecorded', data: { agency: 'SNV', role: 'lead', note: 'x', at: '2024-03-02T02:00:00.000Z' } }]);
  });
});

describe('Acknowledge', () => {
  it('moves a received assignment to research', () => {
    given([createdEvent()]).when({ type: 'Acknowledge', at: T, actor: LEAD }).then([{ type: 'AssignmentAcknowledged', data: { agency: 'SNV', at: T } }]);
    expect(stateOf([createdEvent(), ev.acknowledged(T)]).stage).toBe('research');
  });

  it('is the lead’s alone', () => {
    given([createdEvent()]).when({ type: 'Acknowledge', at: T, actor: COORDINATOR }).thenRejects('NOT_PERMITTED');
    given([createdEvent()]).when({ type: 'Acknowledge', at: T, actor: SUPERVISOR }).thenRejects('NOT_PERMITTED');
  });

  it('happens once', () => {
    given(inResearch()).when({ type: 'Acknowledge', at: T, actor: LEAD }).thenRejects('INVALID_TRANSITION');
  });

  it('canonicalises the instant to UTC', () => {
    given([createdEvent()]).when({ type: 'Acknowledge', at: '2024-03-21T09:00:00+07:00', actor: LEAD }).then([{ type: 'AssignmentAcknowledged', data: { agency: 'SNV', at: T } }]);
  });
});

describe('RecordResearch', () => {
  it('records the lead’s and each coordinator’s own contribution', () => {
    given(inResearch()).when({ type: 'RecordResearch', at: T, actor: LEAD, note: 'Khảo sát' }).then([{ type: 'ResearchRecorded', data: { agency: 'SNV', role: 'lead', note: 'Khảo sát', at: T } }]);
    given(inResearch()).when({ type: 'RecordResearch', at: T, actor: COORDINATOR, note: ' Số liệu tài chính ' }).then([{ type: 'ResearchRecorded', data: { agency: 'STC', role: 'coordinator', note: 'Số liệu tài chính', at: T } }]);
  });

  it('refuses a note PostgreSQL could not store: a NUL, or half of a surrogate pair', () => {
    for (const note of ['a\u0000b', 'a\ud800b', '\udc00', 'Khảo sát\ud83d']) {
      given(inResearch()).when({ type: 'RecordResearch', at: T, actor: LEAD, note }).thenRejects('VALIDATION_FAILED');
    }
    given(inResearch()).when({ type: 'RecordResearch', at: T, actor: LEAD, note: 'Khảo sát 👍' }).then([{ type: 'ResearchRecorded', data: { agency: 'SNV', role: 'lead', note: 'Khảo sát 👍', at: T } }]);
  });

  it('is refused to agencies outside the assignment and to the supervisor', () => {
    given(inResearch()).when({ type: 'RecordResearch', at: T, actor: STRANGER, note: 'x' }).thenRejects('NOT_PERMITTED');
    given(inResearch()).when({ type: 'RecordResearch', at: T, actor: SUPERVISOR, note: 'x' }).thenRejects('NOT_PERMITTED');
  });

  it('needs the assignment acknowledged and a note', () => {
    const early = given([createdEvent()]).when({ type: 'RecordResearch', at: T, actor: COORDINATOR, note: 'x' }).thenRejects('INVALID_TRANSITION');
    // A coordinator is told whose step it waits for.
    expect(early.message).toBe('Cannot record research at stage received (only at: research): the lead agency SNV acknowledges it first');
    given(inResearch()).when({ type: 'RecordResearch', at: T, actor: LEAD, note: ' ' }).thenRejects('VALIDATION_FAILED');
  });
});

describe('SubmitProposal', () => {
  it('moves research to proposed', () => {
    given(inResearch())
      .when({ type: 'SubmitProposal', at: T, actor: LEAD, summary: 'Đề xuất phương án', beyondProvincialCompetence: true })
      .then([ev.proposed(T, true)]);
  });

  it('is the lead’s alone, from research only, with a real boolean', () => {
    given(inResearch()).when({ type: 'SubmitProposal', at: T, actor: COORDINATOR, summary: 'x', beyondProvincialCompetence: false }).thenRejects('NOT_PERMITTED');
    given([createdEvent()]).when({ type: 'SubmitProposal', at: T, actor: LEAD, summary: 'x', beyondProvincialCompetence: false }).thenRejects('INVALID_TRANSITION');
    given(inProposed()).when({ type: 'SubmitProposal', at: T, actor: LEAD, summary: 'x', beyondProvincialCompetence: false }).thenRejects('INVALID_TRANSITION');
    given(inResearch())
      .when({ type: 'SubmitProposal', at: T, actor: LEAD, summary: 'x', beyondProvincialCompetence: 'yes' as unknown as boolean })
      .thenRejects('VALIDATION_FAILED');
  });
});

describe('ReviewProposal', () => {
  it('accepts, with an optional comment', () => {
    given(inProposed()).when({ type: 'ReviewProposal', at: T, actor: SUPERVISOR, decision: 'accept' }).then([ev.accepted(T)]);
    expect(stateOf([...inProposed(), ev.accepted(T)]).stage).toBe('accepted');
  });

  it('returns to research with a required comment', () => {
    given(inProposed()).when({ type: 'ReviewProposal', at: T, actor: SUPERVISOR, decision: 'return', comment: 'Bổ sung số liệu' }).then([{ type: 'ProposalReturned', data: { comment: 'Bổ sung số liệu', at: T } }]);
    expect(given(inProposed()).when({ type: 'ReviewProposal', at: T, actor: SUPERVISOR, decision: 'return' }).thenRejects('VALIDATION_FAILED').message).toBe('comment is required');
    const returned = stateOf([...inProposed(), { type: 'ProposalReturned', data: { comment: 'Bổ sung', at: T } }]);
    expect([returned.stage, returned.proposal]).toEqual(['research', null]);
  });

  it('is the supervisor’s alone, on a proposal only', () => {
    given(inProposed()).when({ type: 'ReviewProposal', at: T, actor: LEAD, decision: 'accept' }).thenRejects('NOT_PERMITTED');
    given(inResearch()).when({ type: 'ReviewProposal', at: T, actor: SUPERVISOR, decision: 'accept' }).thenRejects('INVALID_TRANSITION');
    given(inProposed()).when({ type: 'ReviewProposal', at: T, actor: SUPERVISOR, decision: 'maybe' as 'accept' }).thenRejects('VALIDATION_FAILED');
  });
});

describe('EscalateToCentre', () => {
  const escalate = { type: 'EscalateToCentre', at: '2024-03-07T02:00:00.000Z', centralBody: 'Ban Tổ chức Trung ương', summary: 'Xin ý kiến' } as const;

  it('escalates an accepted proposal beyond provincial competence, by the lead or the supervisor, and pauses the clock', () => {
    given(inAccepted(true)).when({ ...escalate, actor: LEAD }).then([ev.escalated(escalate.at)]);
    given(inAccepted(true)).when({ ...escalate, actor: SUPERVISOR }).then([ev.escalated(escalate.at)]);
    const paused = stateOf(inEscalated());
    expect([paused.stage, paused.pausedAt]).toEqual(['escalated', escalate.at]);
  });

  it('refuses a proposal within provincial competence', () => {
    given(inAccepted(false)).when({ ...escalate, actor: LEAD }).thenRejects('NOT_BEYOND_COMPETENCE');
  });

  it('refuses coordinators and proposals not yet accepted', () => {
    given(inAccepted(true)).when({ ...escalate, actor: COORDINATOR }).thenRejects('NOT_PERMITTED');
    given(inProposed(true)).when({ ...escalate, actor: LEAD }).thenRejects('INVALID_TRANSITION');
    given(inEscalated()).when({ ...escalate, actor: LEAD }).thenRejects('INVALID_TRANSITION');
  });
});

describe('RecordCentreResponse', () => {
  it('resumes the clock and shifts the due date by the time paused', () => {
    given(inEscalated())
      .when({ type: 'RecordCentreResponse', at: '2024-03-17T02:00:00.000Z', actor: SUPERVISOR, response: 'Đồng ý' })
      .then([ev.responded('2024-03-17T02:00:00.000Z', 10 * DAY, '2024-04-08T16:59:59.999Z')]);
    const resumed = stateOf(inCentreResponded());
    expect([resumed.pausedAt, resumed.originalDueAt, resumed.adjustedDueAt, resumed.pausedMsTotal]).toEqual([null, DUE, '2024-04-08T16:59:59.999Z', 10 * DAY]);
  });

  it('moves a deadline the pause would put on a day off to the end of the next working day', () => {
    // 8 days paused: 29/3 + 8 days is Saturday 6/4/2024, so the deadline runs to the end of Monday 8/4.
    given(inEscalated())
      .when({ type: 'RecordCentreResponse', at: '2024-03-15T02:00:00.000Z', actor: SUPERVISOR, response: 'Đồng ý' })
      .then([ev.responded('2024-03-15T02:00:00.000Z', 8 * DAY, '2024-04-08T16:59:59.999Z')]);
  });

  it('moves a date deadline by whole days, to the nearest, so it still ends a day; an instant by the exact pause', () => {
    const escalatedAt = Date.parse('2024-03-07T02:00:00.000Z');
    const respondAfter = (ms: number) => ({ type: 'RecordCentreResponse' as const, at: new Date(escalatedAt + ms).toISOString(), actor: SUPERVISOR, response: 'Đồng ý' });
    const dueAfter = (history: AssignmentEvent[], ms: number) => {
      const [event] = decide(respondAfter(ms), stateOf(history));
      return event.type === 'CentreResponded' ? event.data.adjustedDueAt : undefined;
    };
    // Minutes at the Centre keep the date (not 00:04 of the next day); 2 days 13 hours give 3 days (29/3 → Monday 1/4).
    expect(dueAfter(inEscalated(), 5 * 60_000)).toBe(DUE);
    expect(dueAfter(inEscalated(), 11 * 3_600_000)).toBe(DUE);
    expect(dueAfter(inEscalated(), 2 * DAY + 13 * 3_600_000)).toBe('2024-04-01T16:59:59.999Z');
    // An instant (a deadline set to the minute) moves by exactly the time paused.
    const atNoon = inEscalated().map((e) => (e.type === 'AssignmentCreated' ? { ...e, data: { ...e.data, deadline: { kind: 'instant' as const, at: '2024-03-29T05:00:00.000Z' }, originalDueAt: '2024-03-29T05:00:00.000Z' } } : e));
    expect(dueAfter(atNoon, 5 * 60_000)).toBe('2024-03-29T05:05:00.000Z');
  });

  it('is the supervisor’s alone, only while escalated, never before the escalation', () => {
    given(inEscalated()).when({ type: 'RecordCentreResponse', at: T, actor: LEAD, response: 'x' }).thenRejects('NOT_PERMITTED');
    given(inAccepted(true)).when({ type: 'RecordCentreResponse', at: T, actor: SUPERVISOR, response: 'x' }).thenRejects('INVALID_TRANSITION');
    given(inEscalated()).when({ type: 'RecordCentreResponse', at: '2024-03-06T02:00:00.000Z', actor: SUPERVISOR, response: 'x' }).thenRejects('OUT_OF_ORDER');
    given(inEscalated()).when({ type: 'RecordCentreResponse', at: T, actor: SUPERVISOR, response: '' }).thenRejects('VALIDATION_FAILED');
  });
});

describe('SubmitReport', () => {
  const report = { type: 'SubmitReport', at: '2024-03-20T02:00:00.000Z', summary: 'Đã hoàn thành' } as const;

  it('reports after acceptance, or after the Centre responded', () => {
    given(inAccepted()).when({ ...report, actor: LEAD }).then([ev.reported(report.at)]);
    given(inCentreResponded()).when({ ...report, actor: LEAD }).then([ev.reported(report.at)]);
  });

  it('waits for the Centre when the proposal is beyond provincial competence', () => {
    given(inAccepted(true)).when({ ...report, actor: LEAD }).thenRejects('CENTRE_RESPONSE_REQUIRED');
    given(inEscalated()).when({ ...report, actor: LEAD }).thenRejects('INVALID_TRANSITION');
  });

  it('is the lead’s alone, never before acceptance', () => {
    given(inAccepted()).when({ ...report, actor: COORDINATOR }).thenRejects('NOT_PERMITTED');
    given(inProposed()).when({ ...report, actor: LEAD }).thenRejects('INVALID_TRANSITION');
    given(inReported()).when({ ...report, actor: LEAD }).thenRejects('INVALID_TRANSITION');
  });
});

describe('ConfirmReport', () => {
  it('closes on time when confirmed by the due date', () => {
    given(inReported())
      .when({ type: 'ConfirmReport', at: '2024-03-29T16:59:59.999Z', actor: SUPERVISOR })
      .then([{ type: 'ReportConfirmed', data: { comment: null, verdict: 'onTime', dueAt: DUE, at: '2024-03-29T16:59:59.999Z' } }]);
  });

  it('judges the report when it came in: the Office confirming after the due date does not make it late', () => {
    given(inReported())
      .when({ type: 'ConfirmReport', at: '2024-04-05T02:00:00.000Z', actor: SUPERVISOR })
      .then([{ type: 'ReportConfirmed', data: { comment: null, verdict: 'onTime', dueAt: DUE, at: '2024-04-05T02:00:00.000Z' } }]);
  });

  it('closes late when the report came in after the due date', () => {
    given([...inAccepted(), ev.reported('2024-03-29T17:00:00.000Z')])
      .when({ type: 'ConfirmReport', at: '2024-03-30T02:00:00.000Z', actor: SUPERVISOR, comment: 'Chậm' })
      .then([{ type: 'ReportConfirmed', data: { comment: 'Chậm', verdict: 'late', dueAt: DUE, at: '2024-03-30T02:00:00.000Z' } }]);
  });

  it('judges a report stored before the clock stopped for review at confirmation, as recorded runs did', () => {
    given([...inAccepted(), ev.reportedClockRunning('2024-03-20T02:00:00.000Z')])
      .when({ type: 'ConfirmReport', at: '2024-03-29T17:00:00.000Z', actor: SUPERVISOR, comment: 'Chậm' })
      .then([{ type: 'ReportConfirmed', data: { comment: 'Chậm', verdict: 'late', dueAt: DUE, at: '2024-03-29T17:00:00.000Z' } }]);
  });

  it('judges against the adjusted deadline after a Centre pause', () => {
    given([...inCentreResponded(), ev.reported('2024-04-01T02:00:00.000Z')])
      .when({ type: 'ConfirmReport', at: '2024-04-05T02:00:00.000Z', actor: SUPERVISOR })
      .then([{ type: 'ReportConfirmed', data: { comment: null, verdict: 'onTime', dueAt: '2024-04-08T16:59:59.999Z', at: '2024-04-05T02:00:00.000Z' } }]);
  });

  it('drops an extension still pending: moot once closed, not shown as awaiting a decision forever', () => {
    const pending = [...inReported(), ev.extensionRequested('2024-03-25T02:00:00.000Z', '2024-05-31T16:59:59.999Z')];
    expect(stateOf(pending).pendingExtension).not.toBeNull();
    const closed = [...pending, { type: 'ReportConfirmed', data: { comment: null, verdict: 'onTime', dueAt: DUE, at: T } } as AssignmentEvent];
    expect(stateOf(closed).pendingExtension).toBeNull();
  });

  it('is refused to the lead and coordinators, and needs a report', () => {
    given(inReported()).when({ type: 'ConfirmReport', at: T, actor: COORDINATOR }).thenRejects('NOT_PERMITTED');
    given(inReported()).when({ type: 'ConfirmReport', at: T, actor: LEAD }).thenRejects('NOT_PERMITTED');
    given(inAccepted()).when({ type: 'ConfirmReport', at: T, actor: SUPERVISOR }).thenRejects('INVALID_TRANSITION');
  });

  it('leaves the assignment closed: every later command is ASSIGNMENT_CLOSED', () => {
    const closed = [...inReported(), { type: 'ReportConfirmed', data: { comment: null, verdict: 'onTime', dueAt: DUE, at: T } } as AssignmentEvent];
    given(closed).when({ type: 'ConfirmReport', at: T, actor: SUPERVISOR }).thenRejects('ASSIGNMENT_CLOSED');
    given(closed).when({ type: 'RejectReport', at: T, actor: SUPERVISOR, comment: 'x' }).thenRejects('ASSIGNMENT_CLOSED');
    given(closed).when({ type: 'Withdraw', at: T, actor: ADMIN, reason: 'x' }).thenRejects('ASSIGNMENT_CLOSED');
  });
});

describe('RejectReport', () => {
  it('sends the report back to be revised, with a required comment; the accepted proposal stands; the day in review is given back', () => {
    // In review from 20 to 21 March: the deadline of Friday 29 March moves a day, to Saturday, so to Monday's end.
    const rejected: AssignmentEvent = { type: 'ReportRejected', data: { comment: 'Chưa đạt', at: T, pausedMs: DAY, adjustedDueAt: '2024-04-01T16:59:59.999Z', backTo: 'accepted' } };
    given(inReported()).when({ type: 'RejectReport', at: T, actor: SUPERVISOR, comment: 'Chưa đạt' }).then([rejected]);
    const reopened = stateOf([...inReported(), rejected]);
    expect([reopened.stage, reopened.report, reopened.adjustedDueAt, reopened.pausedMsTotal]).toEqual(['accepted', null, '2024-04-01T16:59:59.999Z', DAY]);
    expect(reopened.proposal?.acceptedAt).not.toBeNull();
    given([...inReported(), rejected]).when({ type: 'SubmitReport', at: T, actor: LEAD, summary: 'Đã hoàn thành' }).then([ev.reported(T)]);
  });

  it('after the Centre answered, sends it back to that answer: the revised report needs no second escalation', () => {
    const history = [...inCentreResponded(), ev.reported('2024-04-01T02:00:00.000Z')];
    const [rejected] = decide({ type: 'RejectReport', at: '2024-04-02T02:00:00.000Z', actor: SUPERVISOR, comment: 'Chưa đủ số liệu' }, stateOf(history));
    expect(rejected).toMatchObject({ type: 'ReportRejected', data: { backTo: 'centreResponded' } });
    const reopened = stateOf([...history, rejected]);
    expect([reopened.stage, reopened.escalation?.response]).toEqual(['centreResponded', expect.any(String)]);
    given([...history, rejected]).when({ type: 'SubmitReport', at: '2024-04-03T02:00:00.000Z', actor: LEAD, summary: 'Đã hoàn thành' }).then([ev.reported('2024-04-03T02:00:00.000Z')]);
  });

  it('replays a rejection stored before reports went back to be revised as it was: research again, a new proposal needed', () => {
    const stored: AssignmentEvent = { type: 'ReportRejected', data: { comment: 'Chưa đạt', at: '2024-04-02T02:00:00.000Z' } };
    const afterCentre = [...inCentreResponded(), ev.reported('2024-04-01T02:00:00.000Z')];
    expect(stateOf(afterCentre).escalation?.response).toEqual(expect.any(String));
    const reopened = stateOf([...afterCentre, stored]);
    expect([reopened.stage, reopened.proposal, reopened.report, reopened.escalation]).toEqual(['research', null, null, null]);
  });

  it('gives nothing back for a report stored before the clock stopped for review (its clock kept running)', () => {
    const history = [...inAccepted(), ev.reportedClockRunning('2024-03-20T02:00:00.000Z')];
    const rejected: AssignmentEvent = { type: 'ReportRejected', data: { comment: 'Chưa đạt', at: T, backTo: 'accepted' } };
    given(history).when({ type: 'RejectReport', at: T, actor: SUPERVISOR, comment: 'Chưa đạt' }).then([rejected]);
    expect(stateOf([...history, rejected]).adjustedDueAt).toBe(DUE);
  });

  it('needs a comment, the supervisor, and a report', () => {
    given(inReported()).when({ type: 'RejectReport', at: T, actor: SUPERVISOR, comment: '  ' }).thenRejects('VALIDATION_FAILED');
    given(inReported()).when({ type: 'RejectReport', at: T, actor: LEAD, comment: 'x' }).thenRejects('NOT_PERMITTED');
    given(inAccepted()).when({ type: 'RejectReport', at: T, actor: SUPERVISOR, comment: 'x' }).thenRejects('INVALID_TRANSITION');
  });
});

describe('RequestExtension', () => {
  const NEW_DUE = '2024-04-30T16:59:59.999Z';

  it('records a request for a later due date', () => {
    given(inResearch()).when({ type: 'RequestExtension', at: T, actor: LEAD, reason: 'Chờ số liệu', newDueAt: NEW_DUE }).then([ev.extensionRequested(T, NEW_DUE)]);
  });

  it('refuses a date in the past, or not after the current due date', () => {
    given(inResearch()).when({ type: 'RequestExtension', at: T, actor: LEAD, reason: 'x', newDueAt: '2024-03-20T00:00:00.000Z' }).thenRejects('EXTENSION_DATE_IN_PAST');
    given(inResearch()).when({ type: 'RequestExtension', at: T, actor: LEAD, reason: 'x', newDueAt: '2024-03-25T00:00:00.000Z' }).thenRejects('EXTENSION_NOT_LATER');
    given(inResearch()).when({ type: 'RequestExtension', at: T, actor: LEAD, reason: 'x', newDueAt: 'next month' }).thenRejects('VALIDATION_FAILED');
  });

  it('allows one pending request, from the lead, not while paused', () => {
    given([...inResearch(), ev.extensionRequested(T, NEW_DUE)]).when({ type: 'RequestExtension', at: T, actor: LEAD, reason: 'x', newDueAt: NEW_DUE }).thenRejects('EXTENSION_ALREADY_PENDING');
    given(inResearch()).when({ type: 'RequestExtension', at: T, actor: COORDINATOR, reason: 'x', newDueAt: NEW_DUE }).thenRejects('NOT_PERMITTED');
    given(inEscalated()).when({ type: 'RequestExtension', at: T, actor: LEAD, reason: 'x', newDueAt: NEW_DUE }).thenRejects('INVALID_TRANSITION');
  });
});

describe('DecideExtension', () => {
  const NEW_DUE = '2024-04-30T16:59:59.999Z';
  const pending = () => [...inResearch(), ev.extensionRequested(T, NEW_DUE)];

  it('approves: the adjusted deadline moves, the original is kept', () => {
    given(pending()).when({ type: 'DecideExtension', at: T, actor: SUPERVISOR, decision: 'approve' }).then([ev.extensionApproved(T, DUE, NEW_DUE)]);
    const extended = stateOf([...pending(), ev.extensionApproved(T, DUE, NEW_DUE)]);
    expect([extended.originalDueAt, extended.adjustedDueAt, extended.pendingExtension]).toEqual([DUE, NEW_DUE, null]);
    expect(extended.extensions).toEqual([{ reason: 'Chờ số liệu', newDueAt: NEW_DUE, requestedAt: T, decision: 'approved', decidedAt: T }]);
  });

  it('denies: nothing moves', () => {
    given(pending()).when({ type: 'DecideExtension', at: T, actor: SUPERVISOR, decision: 'deny', comment: 'Không đủ lý do' }).then([{ type: 'ExtensionDenied', data: { comment: 'Không đủ lý do', at: T } }]);
    const denied = stateOf([...pending(), { type: 'ExtensionDenied', data: { comment: null, at: T } }]);
    expect([denied.adjustedDueAt, denied.pendingExtension, denied.extensions[0]?.decision]).toEqual([DUE, null, 'denied']);
  });

  it('admits no approval of a requested date that has passed (a deny is fine); decide itself still replays one', () => {
    const late = { type: 'DecideExtension' as const, at: '2024-05-02T02:00:00.000Z', actor: SUPERVISOR, decision: 'approve' as const };
    expect(() => admitAssignmentCommand(late, stateOf(pending()))).toThrow(expect.objectContaining({ code: 'EXTENSION_DATE_IN_PAST' }));
    expect(() => admitAssignmentCommand({ ...late, decision: 'deny' }, stateOf(pending()))).not.toThrow();
    expect(() => admitAssignmentCommand({ ...late, at: T }, stateOf(pending()))).not.toThrow();
    // Recorded runs approved such dates: deciding the same command again must give what they stored.
    given(pending()).when(late).then([ev.extensionApproved('2024-05-02T02:00:00.000Z', DUE, NEW_DUE)]);
  });

  it('admits no extension more than ten years past the deadline in force (a slip such as 9999 could not be taken back once approved)', () => {
    const request = (newDueAt: string) => ({ type: 'RequestExtension' as const, at: T, actor: LEAD, reason: 'Chờ số liệu', newDueAt });
    // Its deadline in force is 29 March 2024 (DUE): ten years after that, and no further.
    expect(() => admitAssignmentCommand(request('9999-12-31T10:00:00Z'), stateOf(inResearch()))).toThrow(expect.objectContaining({ code: 'EXTENSION_TOO_FAR', details: { field: 'newDueAt' } }));
    // Named as the other refusals name it: the instant as stored, not as typed.
    expect(() => admitAssignmentCommand(request('2040-09-02T10:00:00+07:00'), stateOf(inResearch()))).toThrow(expect.objectContaining({ message: expect.stringMatching(/^The new due date 2040-09-02T03:00:00\.000Z is more than/) }));
    expect(() => admitAssignmentCommand(request('2034-03-29T17:00:00.000Z'), stateOf(inResearch()))).toThrow(expect.objectContaining({ code: 'EXTENSION_TOO_FAR' }));
    expect(() => admitAssignmentCommand(request('2034-03-29T16:59:59.999Z'), stateOf(inResearch()))).not.toThrow();
    // Asked for long after the deadline passed: ten years from the request.
    expect(() => admitAssignmentCommand({ ...request('2045-01-01T00:00:00.000Z'), at: '2036-01-01T00:00:00.000Z' }, stateOf(inResearch()))).not.toThrow();
  });

  it('denies one requested before the work went to the Centre while it waits there; approving waits for the response', () => {
    const AT = '2024-03-08T02:00:00.000Z';
    const waiting = [...inAccepted(true), ev.extensionRequested('2024-03-06T02:00:00.000Z', NEW_DUE), ev.escalated('2024-03-07T02:00:00.000Z')];
    given(waiting).when({ type: 'DecideExtension', at: AT, actor: SUPERVISOR, decision: 'deny' }).then([{ type: 'ExtensionDenied', data: { comment: null, at: AT } }]);
    given(waiting).when({ type: 'DecideExtension', at: AT, actor: SUPERVISOR, decision: 'approve' }).thenRejects('INVALID_TRANSITION');
    given(waiting).when({ type: 'DecideExtension', at: AT, actor: LEAD, decision: 'deny' }).thenRejects('NOT_PERMITTED');
  });

  it('needs a pending request and the supervisor', () => {
    given(inResearch()).when({ type: 'DecideExtension', at: T, actor: SUPERVISOR, decision: 'approve' }).thenRejects('EXTENSION_NOT_PENDING');
    given(pending()).when({ type: 'DecideExtension', at: T, actor: LEAD, decision: 'approve' }).thenRejects('NOT_PERMITTED');
    given(pending()).when({ type: 'DecideExtension', at: T, actor: SUPERVISOR, decision: 'later' as 'approve' }).thenRejects('VALIDATION_FAILED');
  });
});

describe('WithdrawExtensionRequest', () => {
  const NEW_DUE = '2024-05-31T16:59:59.999Z';
  const pending = () => [...inResearch(), ev.extensionRequested(T, NEW_DUE)];
  const withdrawal = { type: 'WithdrawExtensionRequest' as const, at: T, actor: LEAD };

  it('lets the lead take back its pending request, which leaves the deadline as it was and allows a new request', () => {
    given(pending()).when({ ...withdrawal, reason: ' Nhầm ngày ' }).then([{ type: 'ExtensionRequestWithdrawn', data: { reason: 'Nhầm ngày', at: T } }]);
    const history = [...pending(), { type: 'ExtensionRequestWithdrawn', data: { reason: null, at: T } } as AssignmentEvent];
    const state = stateOf(history);
    expect([state.adjustedDueAt, state.pendingExtension, state.extensions.map((e) => e.decision)]).toEqual([stateOf(inResearch()).adjustedDueAt, null, ['withdrawn']]);
    given(history).when({ type: 'RequestExtension', at: T, actor: LEAD, reason: 'Chờ số liệu', newDueAt: NEW_DUE }).then([ev.extensionRequested(T, NEW_DUE)]);
    given(history).when({ type: 'DecideExtension', at: T, actor: SUPERVISOR, decision: 'approve' }).thenRejects('EXTENSION_NOT_PENDING');
  });

  it('is the lead\'s own, and only while a request is pending', () => {
    given(inResearch()).when(withdrawal).thenRejects('EXTENSION_NOT_PENDING');
    given(pending()).when({ ...withdrawal, actor: COORDINATOR }).thenRejects('NOT_PERMITTED');
    given(pending()).when({ ...withdrawal, actor: SUPERVISOR }).thenRejects('NOT_PERMITTED');
    given([...pending(), ev.extensionApproved(T, DUE, NEW_DUE)]).when(withdrawal).thenRejects('EXTENSION_NOT_PENDING');
  });
});

describe('an extension request still pending when the work ends', () => {
  const NEW_DUE = '2024-05-31T16:59:59.999Z';
  const lapsed = (cause: 'closed' | 'withdrawn'): AssignmentEvent => ({ type: 'ExtensionRequestLapsed', data: { newDueAt: NEW_DUE, cause, at: T } });

  it('lapses by an event of its own when the report is confirmed or the assignment withdrawn, before the closing event', () => {
    const pending = [...inReported(), ev.extensionRequested('2024-03-21T02:00:00.000Z', NEW_DUE)];
    given(pending).when({ type: 'ConfirmReport', at: T, actor: SUPERVISOR }).then([lapsed('closed'), { type: 'ReportConfirmed', data: { comment: null, verdict: 'onTime', dueAt: stateOf(inReported()).adjustedDueAt, at: T } }]);
    given(pending).when({ type: 'Withdraw', at: T, actor: SUPERVISOR, reason: 'Không còn phù hợp' }).then([lapsed('withdrawn'), { type: 'AssignmentWithdrawn', data: { reason: 'Không còn phù hợp', at: T } }]);
  });

  it('is kept in the record as lapsed, no longer pending, the deadline as it was', () => {
    const state = stateOf([...inReported(), ev.extensionRequested('2024-03-21T02:00:00.000Z', NEW_DUE), lapsed('closed')]);
    expect([state.pendingExtension, state.extensions.map((e) => [e.decision, e.newDueAt]), state.adjustedDueAt]).toEqual([null, [['lapsed', NEW_DUE]], stateOf(inReported()).adjustedDueAt]);
  });

  it('adds nothing when no request is pending', () => {
    given(inReported()).when({ type: 'ConfirmReport', at: T, actor: SUPERVISOR }).then([{ type: 'ReportConfirmed', data: { comment: null, verdict: 'onTime', dueAt: stateOf(inReported()).adjustedDueAt, at: T } }]);
  });
});

describe('Withdraw', () => {
  it('withdraws from any open stage, by the supervisor or an admin, terminally', () => {
    for (const history of [[createdEvent()], inResearch(), inProposed(), inAccepted(), inEscalated(), inCentreResponded(), inReported()]) {
      given(history).when({ type: 'Withdraw', at: T, actor: SUPERVISOR, reason: 'Không còn phù hợp' }).then([{ type: 'AssignmentWithdrawn', data: { reason: 'Không còn phù hợp', at: T } }]);
    }
    given(inResearch()).when({ type: 'Withdraw', at: T, actor: ADMIN, reason: 'x' }).then([{ type: 'AssignmentWithdrawn', data: { reason: 'x', at: T } }]);
    const withdrawn = [...inResearch(), { type: 'AssignmentWithdrawn', data: { reason: 'x', at: T } } as AssignmentEvent];
    given(withdrawn).when({ type: 'Withdraw', at: T, actor: SUPERVISOR, reason: 'x' }).thenRejects('ASSIGNMENT_WITHDRAWN');
    given(withdrawn).when({ type: 'RecordResearch', at: T, actor: LEAD, note: 'x' }).thenRejects('ASSIGNMENT_WITHDRAWN');
  });

  it('needs a reason and may not come from an agency', () => {
    given(inResearch()).when({ type: 'Withdraw', at: T, actor: SUPERVISOR, reason: '' }).thenRejects('VALIDATION_FAILED');
    given(inResearch()).when({ type: 'Withdraw', at: T, actor: LEAD, reason: 'x' }).thenRejects('NOT_PERMITTED');
  });
});

describe('the whole lifecycle through the Centre', () => {
  it('folds to a closed, on-time assignment that kept both deadlines', () => {
    const commands = [
      { type: 'Acknowledge', at: '2024-03-02T02:00:00.000Z', actor: LEAD },
      { type: 'RecordResearch', at: '2024-03-03T02:00:00.000Z', actor: COORDINATOR, note: 'Ý kiến Sở Tài chính' },
      { type: 'SubmitProposal', at: '2024-03-05T02:00:00.000Z', actor: LEAD, summary: 'Phương án', beyondProvincialCompetence: true },
      { type: 'ReviewProposal', at: '2024-03-06T02:00:00.000Z', actor: SUPERVISOR, decision: 'accept' },
      { type: 'EscalateToCentre', at: '2024-03-07T02:00:00.000Z', actor: SUPERVISOR, centralBody: 'Ban Tổ chức Trung ương', summary: 'Xin ý kiến' },
      { type: 'RecordCentreResponse', at: '2024-03-27T02:00:00.000Z', actor: SUPERVISOR, response: 'Đồng ý' },
      { type: 'SubmitReport', at: '2024-04-10T02:00:00.000Z', actor: LEAD, summary: 'Xong' },
      { type: 'ConfirmReport', at: '2024-04-12T02:00:00.000Z', actor: SUPERVISOR },
    ] as const;
    const events = commands.reduce<AssignmentEvent[]>((acc, command) => [...acc, ...decide(command, foldAssignment(acc))], [createdEvent()]);
    const state = stateOf(events);
    expect(state.stage).toBe('closed');
    expect(state.verdict).toBe('onTime'); // due 29/3 + 20 days paused = 18/4, Giỗ Tổ Hùng Vương: the end of Friday 19/4
    expect([state.originalDueAt, state.adjustedDueAt]).toEqual([DUE, '2024-04-19T16:59:59.999Z']);
    expect(events.map((e) => e.type)).toEqual([
      'AssignmentCreated',
      'AssignmentAcknowledged',
      'ResearchRecorded',
      'ProposalSubmitted',
      'ProposalAccepted',
      'EscalatedToCentre',
      'CentreResponded',
      'ReportSubmitted',
      'ReportConfirmed',
    ]);
    expect(POLICY.remindBeforeMs).toEqual(state.timerPolicy.remindBeforeMs);
  });
});
