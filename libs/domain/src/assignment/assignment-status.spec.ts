import { DomainError } from '../shared/domain-error';
import { caught } from '../testing/decider-spec';
import { CREATED_AT, DAY, DUE, createdEvent, ev, inAccepted, inEscalated, inReported, inResearch } from '../testing/assignment-fixtures';
import { foldAssignment, initialAssignmentState, type AssignmentEvent } from './assignment';
import { statusAt, summarize } from './assignment-status';

const confirmed = (verdict: 'onTime' | 'late', at: string): AssignmentEvent[] => [...inReported(), { type: 'ReportConfirmed', data: { comment: null, verdict, dueAt: DUE, at } }];

describe('statusAt', () => {
  it('is in progress on time up to the due instant, overdue after it', () => {
    const state = foldAssignment(inResearch());
    expect(statusAt(state, DUE)).toBe('inProgressOnTime');
    expect(statusAt(state, '2024-03-29T17:00:00.000Z')).toBe('inProgressOverdue');
  });

  it('keeps the verdict fixed at confirmation, whenever asked', () => {
    expect(statusAt(foldAssignment(confirmed('onTime', '2024-03-20T00:00:00.000Z')), '2030-01-01T00:00:00.000Z')).toBe('doneOnTime');
    expect(statusAt(foldAssignment(confirmed('late', '2024-04-20T00:00:00.000Z')), '2024-04-21T00:00:00.000Z')).toBe('doneLate');
  });

  it('reports withdrawn', () => {
    expect(statusAt(foldAssignment([...inResearch(), { type: 'AssignmentWithdrawn', data: { reason: 'x', at: CREATED_AT } }]), DUE)).toBe('withdrawn');
  });

  it('stops the clock while paused for the Centre', () => {
    const paused = foldAssignment(inEscalated()); // paused on 7 March, due 29 March
    expect(statusAt(paused, '2024-06-01T00:00:00.000Z')).toBe('inProgressOnTime');
    const pausedLate = foldAssignment([...inResearch(), ev.proposed('2024-04-01T00:00:00.000Z', true), ev.accepted('2024-04-02T00:00:00.000Z'), ev.escalated('2024-04-03T00:00:00.000Z')]);
    expect(statusAt(pausedLate, '2024-04-04T00:00:00.000Z')).toBe('inProgressOverdue');
  });

  it('stops the clock while the report is in review: reported on time stays on time, shown paused', () => {
    const inReview = foldAssignment(inReported()); // reported 20 March, due 29 March
    expect(statusAt(inReview, '2024-06-01T00:00:00.000Z')).toBe('inProgressOnTime');
    expect(summarize(inReview, '2024-06-01T00:00:00.000Z')).toMatchObject({ stage: 'reported', status: 'inProgressOnTime', paused: true });
    const reportedLate = foldAssignment([...inAccepted(), ev.reported('2024-04-01T00:00:00.000Z')]);
    expect(statusAt(reportedLate, '2024-04-02T00:00:00.000Z')).toBe('inProgressOverdue');
  });

  it('is not paused once withdrawn while waiting for the Centre', () => {
    const withdrawn = foldAssignment([...inEscalated(), { type: 'AssignmentWithdrawn', data: { reason: 'Trung ương đã có chủ trương chung', at: '2024-03-20T00:00:00.000Z' } }]);
    expect(summarize(withdrawn, '2024-03-21T00:00:00.000Z')).toMatchObject({ stage: 'withdrawn', status: 'withdrawn', paused: false });
  });

  it('throws ASSIGNMENT_NOT_FOUND for a missing assignment', () => {
    expect(caught(() => statusAt(initialAssignmentState, DUE))).toEqual(expect.objectContaining({ code: 'ASSIGNMENT_NOT_FOUND' }));
    expect(caught(() => summarize(initialAssignmentState, DUE))).toBeInstanceOf(DomainError);
  });
});

describe('summarize', () => {
  it('gives a flat JSON row of an assignment paused for the Centre', () => {
    const state = foldAssignment(inEscalated());
    const summary = summarize(state, '2024-03-10T00:00:00.000Z');
    expect(summary).toEqual({
      id: 'TB-123.1',
      directiveId: 'TB-123',
      parentId: null,
      kind: 'single',
      paragraph: 'Mục 2.1',
      text: 'Sở Nội vụ chủ trì, phối hợp Sở Tài chính tham mưu sắp xếp tổ chức bộ máy',
      stage: 'escalated',
      status: 'inProgressOnTime',
      agencies: [
        { agency: 'SNV', role: 'lead' },
        { agency: 'STC', role: 'coordinator' },
      ],
      lead: 'SNV',
      coordinators: ['STC'],
      dueAt: DUE,
      originalDueAt: DUE,
      adjustedDueAt: DUE,
      paused: true,
      pausedMsTotal: 0,
      pendingExtensionDueAt: null,
      verdict: null,
      closedAt: null,
      overdueLevel: 0,
      tracks: null,
      centralCompetence: false,
    });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it('shows the shift after the Centre responded and the verdict once closed', () => {
    const events = [...inEscalated(), ev.responded('2024-03-17T02:00:00.000Z', 10 * DAY, '2024-04-08T16:59:59.999Z'), ev.reported('2024-04-09T00:00:00.000Z')];
    const closed = foldAssignment([...events, { type: 'ReportConfirmed', data: { comment: null, verdict: 'late', dueAt: '2024-04-08T16:59:59.999Z', at: '2024-04-10T00:00:00.000Z' } }]);
    expect(summarize(closed, '2024-04-10T00:00:00.000Z')).toMatchObject({ stage: 'closed', status: 'doneLate', verdict: 'late', dueAt: '2024-04-08T16:59:59.999Z', originalDueAt: DUE, pausedMsTotal: 10 * DAY, paused: false, closedAt: '2024-04-10T00:00:00.000Z' });
    expect(createdEvent().data.originalDueAt).toBe(DUE);
  });
});
