import { deciderSpec } from '../testing/decider-spec';
import { CREATED_AT, DUE, LEAD, SUPERVISOR, SYSTEM, createdEvent, inResearch } from '../testing/assignment-fixtures';
import { evolve, foldAssignment, initialAssignmentState, type AssignmentEvent } from './assignment';
import { decide, type RecordTrackProgress } from './assignment-commands';
import { summarize } from './assignment-status';
import type { AssignmentStage, AssignmentStatus } from './assignment-types';

const given = deciderSpec({ decide, evolve, initialState: initialAssignmentState });
const T = '2024-03-10T02:00:00.000Z';
const DISTRICTS = ['UBND-HLA', 'UBND-HLB', 'UBND-HLC'];

const parent = (): AssignmentEvent[] => [createdEvent({ assignmentId: 'TB-123.2', kind: 'eachOf', agencies: DISTRICTS.map((agency) => ({ agency, role: 'lead' as const })) })];
const progress = (agency: string, stage: AssignmentStage, status: AssignmentStatus, at = T): RecordTrackProgress => ({ type: 'RecordTrackProgress', at, actor: SYSTEM, agency, stage, status });
const recorded = (agency: string, stage: AssignmentStage, status: AssignmentStatus, at = T): AssignmentEvent => ({ type: 'TrackProgressRecorded', data: { agency, stage, status, at } });

describe('an eachOf parent', () => {
  it('starts tracking with one received track per agency', () => {
    const state = foldAssignment(parent());
    expect(state.exists && [state.stage, state.lead, state.tracks]).toEqual([
      'tracking',
      null,
      DISTRICTS.map((agency) => ({ agency, stage: 'received', status: 'inProgressOnTime', level: 0, at: CREATED_AT })),
    ]);
  });

  it('records a track’s progress', () => {
    given(parent()).when(progress('UBND-HLA', 'research', 'inProgressOnTime')).then([recorded('UBND-HLA', 'research', 'inProgressOnTime')]);
  });

  it('stays open while any track is still running', () => {
    given([...parent(), recorded('UBND-HLB', 'closed', 'doneOnTime')]).when(progress('UBND-HLA', 'closed', 'doneLate')).then([recorded('UBND-HLA', 'closed', 'doneLate')]);
    given(parent()).when(progress('UBND-HLA', 'withdrawn', 'withdrawn')).then([recorded('UBND-HLA', 'withdrawn', 'withdrawn')]);
  });

  it('closes on time when the last track closes and none was late', () => {
    given([...parent(), recorded('UBND-HLA', 'closed', 'doneOnTime'), recorded('UBND-HLB', 'withdrawn', 'withdrawn')])
      .when(progress('UBND-HLC', 'closed', 'doneOnTime'))
      .then([recorded('UBND-HLC', 'closed', 'doneOnTime'), { type: 'AssignmentClosed', data: { verdict: 'onTime', at: T } }]);
  });

  it('closes late when any track was late', () => {
    const history = [...parent(), recorded('UBND-HLA', 'closed', 'doneLate'), recorded('UBND-HLB', 'closed', 'doneOnTime')];
    given(history).when(progress('UBND-HLC', 'closed', 'doneOnTime')).then([recorded('UBND-HLC', 'closed', 'doneOnTime'), { type: 'AssignmentClosed', data: { verdict: 'late', at: T } }]);
    const closed = foldAssignment([...history, recorded('UBND-HLC', 'closed', 'doneOnTime'), { type: 'AssignmentClosed', data: { verdict: 'late', at: T } }]);
    expect(summarize(closed, T)).toMatchObject({ stage: 'closed', status: 'doneLate', verdict: 'late', tracks: { total: 3, byStatus: { doneLate: 1, doneOnTime: 2, inProgressOnTime: 0, inProgressOverdue: 0, withdrawn: 0 } } });
  });

  it('is withdrawn when every track is withdrawn', () => {
    given([...parent(), recorded('UBND-HLA', 'withdrawn', 'withdrawn'), recorded('UBND-HLB', 'withdrawn', 'withdrawn')])
      .when(progress('UBND-HLC', 'withdrawn', 'withdrawn'))
      .then([recorded('UBND-HLC', 'withdrawn', 'withdrawn'), { type: 'AssignmentWithdrawn', data: { reason: 'Every track was withdrawn', at: T } }]);
  });

  it('shows its open tracks withdrawn once it is withdrawn (their own word of it reaches a parent that takes no more)', () => {
    const withdrawn = foldAssignment([
      ...parent(),
      recorded('UBND-HLA', 'research', 'inProgressOverdue'),
      recorded('UBND-HLB', 'closed', 'doneOnTime'),
      { type: 'AssignmentWithdrawn', data: { reason: 'Đã sáp nhập vào nhiệm vụ khác', at: T } },
    ]);
    expect(summarize(withdrawn, T).tracks).toMatchObject({
      byStatus: { inProgressOnTime: 0, inProgressOverdue: 0, doneOnTime: 1, doneLate: 0, withdrawn: 2 },
      tracks: [
        { agency: 'UBND-HLA', stage: 'withdrawn', status: 'withdrawn' },
        { agency: 'UBND-HLB', stage: 'closed', status: 'doneOnTime' },
        { agency: 'UBND-HLC', stage: 'withdrawn', status: 'withdrawn' },
      ],
    });
  });

  it('keeps a track\'s latest report when its reports arrive out of order, and any report of a track that sent no version', () => {
    const report = (level: 0 | 1 | 2 | 3, trackVersion?: number): RecordTrackProgress => ({ ...progress('UBND-HLA', 'received', 'inProgressOverdue'), dueAt: DUE, paused: false, level, ...(trackVersion === undefined ? {} : { trackVersion }) });
    const at3: AssignmentEvent = { type: 'TrackProgressRecorded', data: { agency: 'UBND-HLA', stage: 'received', status: 'inProgressOverdue', dueAt: DUE, paused: false, level: 3, trackVersion: 6, at: T } };
    given([...parent(), at3]).when(report(1, 4)).then([]);
    given([...parent(), at3]).when(report(3, 6)).then([]);
    given([...parent(), at3]).when(report(3, 7)).then([{ ...at3, data: { ...at3.data, trackVersion: 7 } }]);
    // A track of a run recorded before sent no version: its report counts, as it did.
    given([...parent(), at3]).when(report(2)).then([{ type: 'TrackProgressRecorded', data: { agency: 'UBND-HLA', stage: 'received', status: 'inProgressOverdue', dueAt: DUE, paused: false, level: 2, at: T } }]);
    given([...parent(), at3]).when(report(1, 0)).thenRejects('VALIDATION_FAILED');
    expect(summarize(foldAssignment([...parent(), at3]), T).tracks?.tracks[0].level).toBe(3);
  });

  it('stands at the highest escalation level among its open tracks', () => {
    const history = [...parent(), { type: 'TrackProgressRecorded' as const, data: { agency: 'UBND-HLA', stage: 'research' as const, status: 'inProgressOverdue' as const, dueAt: DUE, paused: false, level: 2 as const, at: T } }];
    given(parent())
      .when({ ...progress('UBND-HLA', 'research', 'inProgressOverdue'), dueAt: DUE, paused: false, level: 2 })
      .then([history[1]]);
    const state = foldAssignment([...history, { type: 'TrackProgressRecorded', data: { agency: 'UBND-HLB', stage: 'received', status: 'inProgressOverdue', dueAt: DUE, paused: false, level: 1, at: T } }]);
    expect(summarize(state, T)).toMatchObject({ overdueLevel: 2 });
        // Closed, a track's level no longer counts; withdrawn with its parent, neither.
    const closed = foldAssignment([...history, recorded('UBND-HLA', 'closed', 'doneLate')]);
    expect(summarize(closed, T).overdueLevel).toBe(0);
    const withdrawn = foldAssignment([...history, { type: 'AssignmentWithdrawn', data: { reason: 'Không còn phù hợp', at: T } }]);
    expect(summarize(withdrawn, T).overdueLevel).toBe(0);
    // A track that has not reported since its creation is at 0; one that last reported before tracks sent their level
    // is not known (null), not 0.
    expect(summarize(state, T).tracks?.tracks.map((t) => t.level)).toEqual([2, 1, 0]);
    const reportedBefore = foldAssignment([...history, recorded('UBND-HLC', 'research', 'inProgressOverdue')]);
    expect(summarize(reportedBefore, T).tracks?.tracks.map((t) => t.level)).toEqual([2, 0, null]);
  });

  it('rolls up the tracks in its summary', () => {
    const state = foldAssignment([...parent(), recorded('UBND-HLA', 'proposed', 'inProgressOverdue'), recorded('UBND-HLB', 'closed', 'doneOnTime')]);
    expect(summarize(state, T).tracks).toEqual({
      total: 3,
      byStatus: { inProgressOnTime: 1, inProgressOverdue: 1, doneOnTime: 1, doneLate: 0, withdrawn: 0 },
      tracks: [
        { agency: 'UBND-HLA', stage: 'proposed', status: 'inProgressOverdue', dueAt: DUE, paused: false, level: null },
        { agency: 'UBND-HLB', stage: 'closed', status: 'doneOnTime', dueAt: DUE, paused: false, level: null },
        { agency: 'UBND-HLC', stage: 'received', status: 'inProgressOnTime', dueAt: DUE, paused: false, level: 0 },
      ],
    });
  });

  it('refuses unknown tracks, finished tracks, and statuses that do not fit the stage', () => {
    given(parent()).when(progress('UBND-XYZ', 'research', 'inProgressOnTime')).thenRejects('UNKNOWN_TRACK');
    given([...parent(), recorded('UBND-HLA', 'closed', 'doneOnTime')]).when(progress('UBND-HLA', 'research', 'inProgressOnTime')).thenRejects('INVALID_TRANSITION');
    given(parent()).when(progress('UBND-HLA', 'closed', 'inProgressOnTime')).thenRejects('VALIDATION_FAILED');
    given(parent()).when(progress('UBND-HLA', 'research', 'doneLate')).thenRejects('VALIDATION_FAILED');
    given(parent()).when(progress('UBND-HLA', 'tracking', 'inProgressOnTime')).thenRejects('VALIDATION_FAILED');
  });

  it('accepts progress from the system or supervisor only', () => {
    given(parent()).when({ ...progress('UBND-HLA', 'research', 'inProgressOnTime'), actor: { kind: 'agency', agency: 'UBND-HLA' } }).thenRejects('NOT_PERMITTED');
    given(parent()).when({ ...progress('UBND-HLA', 'research', 'inProgressOnTime'), actor: SUPERVISOR }).then([recorded('UBND-HLA', 'research', 'inProgressOnTime')]);
  });

  it('accepts only RecordTrackProgress and Withdraw; the lifecycle runs on the tracks', () => {
    given(parent()).when({ type: 'Acknowledge', at: T, actor: { kind: 'agency', agency: 'UBND-HLA' } }).thenRejects('INVALID_TRANSITION');
    given(parent()).when({ type: 'MarkOverdue', at: '2024-05-01T00:00:00.000Z', actor: SYSTEM }).thenRejects('INVALID_TRANSITION');
    given(parent()).when({ type: 'Withdraw', at: T, actor: SUPERVISOR, reason: 'Thu hồi' }).then([{ type: 'AssignmentWithdrawn', data: { reason: 'Thu hồi', at: T } }]);
  });

  describe('held to its tracks’ deadlines', () => {
    const EXTENDED = '2024-04-30T16:59:59.999Z';
    const AFTER_DUE = '2024-04-05T02:00:00.000Z';
    const AFTER_EXTENDED = '2024-05-02T02:00:00.000Z';
    const clock = (agency: string, dueAt: string, paused = false, status: AssignmentStatus = 'inProgressOnTime'): AssignmentEvent => ({
      type: 'TrackProgressRecorded',
      data: { agency, stage: paused ? 'escalated' : 'research', status, dueAt, paused, at: T },
    });
    const extendedAll = (): AssignmentEvent[] => [...parent(), ...DISTRICTS.map((agency) => clock(agency, EXTENDED))];

    it('records the deadline in force and the pause a track reports', () => {
      given(parent())
        .when({ ...progress('UBND-HLA', 'research', 'inProgressOnTime'), dueAt: '2024-04-30T23:59:59.999+07:00', paused: false })
        .then([clock('UBND-HLA', EXTENDED)]);
      given(parent()).when({ ...progress('UBND-HLA', 'research', 'inProgressOnTime'), dueAt: '30/04/2024', paused: false }).thenRejects('VALIDATION_FAILED');
      given(parent()).when({ ...progress('UBND-HLA', 'research', 'inProgressOnTime'), dueAt: EXTENDED }).thenRejects('VALIDATION_FAILED');
    });

    it('is not overdue past its own deadline while every open track runs to a later one', () => {
      const state = foldAssignment(extendedAll());
      expect(summarize(state, AFTER_DUE)).toMatchObject({ status: 'inProgressOnTime', dueAt: EXTENDED, adjustedDueAt: DUE, paused: false });
      expect(summarize(state, AFTER_EXTENDED).status).toBe('inProgressOverdue');
    });

    it('is overdue once the earliest open track is, and no longer counts tracks that are done', () => {
      const oneLeft = [...parent(), clock('UBND-HLA', EXTENDED), recorded('UBND-HLB', 'closed', 'doneOnTime'), recorded('UBND-HLC', 'withdrawn', 'withdrawn')];
      expect(summarize(foldAssignment(oneLeft), AFTER_DUE)).toMatchObject({ status: 'inProgressOnTime', dueAt: EXTENDED });
      const oneNotExtended = [...parent(), clock('UBND-HLA', EXTENDED), clock('UBND-HLB', EXTENDED)];
      expect(summarize(foldAssignment(oneNotExtended), AFTER_DUE)).toMatchObject({ status: 'inProgressOverdue', dueAt: DUE });
    });

    it('is overdue while a track reports itself overdue, even one waiting for the Centre', () => {
      const history = [...extendedAll(), clock('UBND-HLB', DUE, true, 'inProgressOverdue')];
      expect(summarize(foldAssignment(history), T)).toMatchObject({ status: 'inProgressOverdue', dueAt: DUE, paused: false });
    });

    it('stops its clock only when every open track waits for the Centre on time', () => {
      const paused = [...parent(), ...DISTRICTS.map((agency) => clock(agency, DUE, true))];
      expect(summarize(foldAssignment(paused), AFTER_EXTENDED)).toMatchObject({ status: 'inProgressOnTime', paused: true });
      const oneRunning = [...parent(), clock('UBND-HLA', DUE, true), clock('UBND-HLB', DUE, true), clock('UBND-HLC', EXTENDED)];
      expect(summarize(foldAssignment(oneRunning), AFTER_DUE)).toMatchObject({ status: 'inProgressOnTime', paused: false, dueAt: EXTENDED });
    });
  });

  it('is the only kind that takes track progress', () => {
    given(inResearch()).when(progress('SNV', 'research', 'inProgressOnTime')).thenRejects('INVALID_TRANSITION');
    expect(LEAD).toEqual({ kind: 'agency', agency: 'SNV' });
  });
});
