import { decide } from '../assignment/assignment-commands';
import { foldAssignment } from '../assignment/assignment';
import { summarize } from '../assignment/assignment-status';
import { deciderSpec } from '../testing/decider-spec';
import { DAY, SUPERVISOR, SYSTEM } from '../testing/assignment-fixtures';
import { evolveDirective, foldDirective, initialDirectiveState, type DirectiveCreated } from './directive';
import { DEFAULT_REPORTING_CADENCE, DEFAULT_TIMER_POLICY, admitDirectiveCommand, assignmentCommandsFor, decideDirective, nextCompiledReportAt, type CreateDirective } from './directive-commands';

const given = deciderSpec({ decide: decideDirective, evolve: evolveDirective, initialState: initialDirectiveState });
const AT = '2024-03-22T03:00:00.000Z';

const createDirective = (overrides: Partial<CreateDirective> = {}): CreateDirective => ({
  type: 'CreateDirective',
  at: AT,
  actor: SUPERVISOR,
  directiveId: 'TB-123',
  number: '123-TB/TU',
  title: 'Thông báo kết luận của Ban Thường vụ Tỉnh ủy',
  issuingBody: 'Ban Thường vụ Tỉnh ủy',
  issuedOn: '2024-03-22',
  sourceText: '1. Giao Sở Nội vụ chủ trì...\n2. Giao UBND các huyện...',
  reportingCadence: { everyMs: 30 * DAY },
  assignments: [
    { id: 'TB-123.1', paragraph: '1', text: 'Sở Nội vụ chủ trì', kind: 'single', agencies: [{ agency: 'SNV', role: 'lead' }, { agency: 'STC', role: 'coordinator' }], deadline: { kind: 'workingDays', days: 10 }, centralCompetence: true },
    { id: 'TB-123.2', paragraph: '2', text: 'UBND các huyện', kind: 'eachOf', agencies: [{ agency: 'UBND-HLA', role: 'lead' }, { agency: 'UBND-HLB', role: 'lead' }], deadline: { kind: 'date', date: '2024-06-30' }, centralCompetence: false },
  ],
  ...overrides,
});

const created = (): DirectiveCreated => ({
  type: 'DirectiveCreated',
  data: {
    directiveId: 'TB-123',
    number: '123-TB/TU',
    title: 'Thông báo kết luận của Ban Thường vụ Tỉnh ủy',
    issuingBody: 'Ban Thường vụ Tỉnh ủy',
    issuedOn: '2024-03-22',
    sourceText: '1. Giao Sở Nội vụ chủ trì...\n2. Giao UBND các huyện...',
    monitoringAgency: 'VPTU',
    reportingCadence: { everyMs: 30 * DAY },
    timerPolicy: { remindBeforeMs: [...DEFAULT_TIMER_POLICY.remindBeforeMs], ladderAfterMs: [...DEFAULT_TIMER_POLICY.ladderAfterMs] },
    assignments: createDirective().assignments!.map((a) => ({ ...a, agencies: [...a.agencies] })),
    at: AT,
  },
});

const COUNTS = { inProgressOnTime: 2, inProgressOverdue: 1, doneOnTime: 0, doneLate: 0, withdrawn: 0 };

describe('CreateDirective', () => {
  it('creates the directive with its assignments, monitored by VPTU', () => {
    given([]).when(createDirective()).then([created()]);
  });

  it('accepts the minimal API shape with defaults', () => {
    const [event] = given([]).when({ type: 'CreateDirective', at: AT, actor: SUPERVISOR, directiveId: 'TB-9', title: 'Thông báo' }).then([
      {
        type: 'DirectiveCreated',
        data: { directiveId: 'TB-9', number: null, title: 'Thông báo', issuingBody: null, issuedOn: null, sourceText: null, monitoringAgency: 'VPTU', reportingCadence: DEFAULT_REPORTING_CADENCE, timerPolicy: { ...DEFAULT_TIMER_POLICY, remindBeforeMs: [...DEFAULT_TIMER_POLICY.remindBeforeMs], ladderAfterMs: [...DEFAULT_TIMER_POLICY.ladderAfterMs] }, assignments: [], at: AT },
      },
    ]);
    expect(event.type).toBe('DirectiveCreated');
  });

  it('keeps a whole notice as its source text, up to the million characters an import reads', () => {
    const notice = 'Ban Thường vụ Tỉnh ủy giao các cơ quan, đơn vị tổ chức thực hiện. '.repeat(800);
    expect(notice.length).toBeGreaterThan(20_000);
    const [event] = given([]).when(createDirective({ sourceText: notice })).then([{ ...created(), data: { ...created().data, sourceText: notice.trim() } }]);
    expect(event.type).toBe('DirectiveCreated');
    given([]).when(createDirective({ sourceText: 'x'.repeat(1_000_001) })).thenRejects('VALIDATION_FAILED');
  });

  it('rejects a repeat, agencies as authors, and malformed content', () => {
    given([created()]).when(createDirective()).thenRejects('DIRECTIVE_ALREADY_EXISTS');
    given([]).when(createDirective({ actor: { kind: 'agency', agency: 'SNV' } })).thenRejects('NOT_PERMITTED');
    given([]).when(createDirective({ title: ' ' })).thenRejects('VALIDATION_FAILED');
    given([]).when(createDirective({ issuedOn: '22/03/2024' })).thenRejects('VALIDATION_FAILED');
    given([]).when(createDirective({ reportingCadence: { everyMs: 0 } })).thenRejects('VALIDATION_FAILED');
    const [first] = createDirective().assignments!;
    given([]).when(createDirective({ assignments: [first, first] })).thenRejects('VALIDATION_FAILED');
    given([]).when(createDirective({ assignments: [{ ...first, agencies: [{ agency: 'SNV', role: 'coordinator' }] }] })).thenRejects('VALIDATION_FAILED');
  });
});

describe('admitDirectiveCommand', () => {
  const withDeadline = (deadline: unknown, issuedOn: string | undefined = '2024-03-22') => {
    const [first, second] = createDirective().assignments ?? [];
    return createDirective({ issuedOn, assignments: [first, { ...second, deadline } as typeof second] });
  };

  it('refuses a fixed deadline before the notice was issued (a year typed wrong), naming the assignment', () => {
    expect(() => admitDirectiveCommand(withDeadline({ kind: 'date', date: '2023-06-30' }))).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: "assignments[1] (TB-123.2): the deadline 2023-06-30 is before the notice's issue date 2024-03-22", details: { field: 'assignments[1].deadline' } }),
    );
    // A milestone's fixed date too.
    const [first] = createDirective().assignments ?? [];
    const staged = createDirective({ assignments: [{ ...first, stageDeadlines: { acknowledge: { kind: 'date', date: '2024-03-01' } } }] });
    expect(() => admitDirectiveCommand(staged)).toThrow(expect.objectContaining({ details: { field: 'assignments[0].stageDeadlines.acknowledge' } }));
    // 23:00 on 21 March in Vietnam, as an instant on the 21st in UTC too.
    expect(() => admitDirectiveCommand(withDeadline({ kind: 'instant', at: '2024-03-21T16:00:00.000Z' }))).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('admits a deadline on the issue day or later, relative ones, and past deadlines of a notice issued in the past', () => {
    expect(() => admitDirectiveCommand(withDeadline({ kind: 'date', date: '2024-03-22' }))).not.toThrow();
    expect(() => admitDirectiveCommand(withDeadline({ kind: 'instant', at: '2024-03-21T17:00:00.000Z' }))).not.toThrow();
    expect(() => admitDirectiveCommand(withDeadline({ kind: 'calendarDays', days: 0 }))).not.toThrow();
    expect(() => admitDirectiveCommand(withDeadline({ kind: 'date', date: '2023-06-30' }, '2023-03-22'))).not.toThrow();
    expect(() => decideDirective(withDeadline({ kind: 'date', date: '2023-06-30' }), { exists: false })).not.toThrow();
  });

  it('takes the creation day for the issue date when the notice gives none', () => {
    expect(() => admitDirectiveCommand(withDeadline({ kind: 'date', date: '2024-03-21' }, undefined))).toThrow(expect.objectContaining({ message: expect.stringContaining('issue date 2024-03-22') }));
  });
});

describe('RecordCompiledReport', () => {
  it('records the counts by status for a period', () => {
    given([created()]).when({ type: 'RecordCompiledReport', at: AT, actor: SYSTEM, periodEnd: '2024-04-21T03:00:00.000Z', counts: COUNTS }).then([{ type: 'CompiledReportProduced', data: { periodEnd: '2024-04-21T03:00:00.000Z', counts: COUNTS, at: AT } }]);
  });

  it('needs periods in order, a directive, and the system or supervisor', () => {
    const first = { type: 'CompiledReportProduced' as const, data: { periodEnd: '2024-04-21T03:00:00.000Z', counts: COUNTS, at: AT } };
    given([created(), first]).when({ type: 'RecordCompiledReport', at: AT, actor: SYSTEM, periodEnd: '2024-04-21T03:00:00.000Z', counts: COUNTS }).thenRejects('VALIDATION_FAILED');
    given([]).when({ type: 'RecordCompiledReport', at: AT, actor: SYSTEM, periodEnd: '2024-04-21T03:00:00.000Z', counts: COUNTS }).thenRejects('DIRECTIVE_NOT_FOUND');
    given([created()]).when({ type: 'RecordCompiledReport', at: AT, actor: { kind: 'agency', agency: 'VPTU' }, periodEnd: '2024-04-21T03:00:00.000Z', counts: COUNTS }).thenRejects('NOT_PERMITTED');
    given([created()]).when({ type: 'RecordCompiledReport', at: AT, actor: SYSTEM, periodEnd: '2024-04-21T03:00:00.000Z', counts: { ...COUNTS, doneLate: -1 } }).thenRejects('VALIDATION_FAILED');
  });

  it('is due one cadence after the last period', () => {
    expect(nextCompiledReportAt(foldDirective([created()]))).toBe('2024-04-21T03:00:00.000Z');
    expect(nextCompiledReportAt(foldDirective([created(), { type: 'CompiledReportProduced', data: { periodEnd: '2024-04-21T03:00:00.000Z', counts: COUNTS, at: AT } }]))).toBe('2024-05-21T03:00:00.000Z');
  });
});

describe('Withdraw (directive)', () => {
  it('withdraws terminally', () => {
    given([created()]).when({ type: 'Withdraw', at: AT, actor: SUPERVISOR, reason: 'Thay thế' }).then([{ type: 'DirectiveWithdrawn', data: { reason: 'Thay thế', at: AT } }]);
    const withdrawn = [created(), { type: 'DirectiveWithdrawn' as const, data: { reason: 'x', at: AT } }];
    given(withdrawn).when({ type: 'Withdraw', at: AT, actor: SUPERVISOR, reason: 'x' }).thenRejects('DIRECTIVE_WITHDRAWN');
    given([created()]).when({ type: 'Withdraw', at: AT, actor: SYSTEM, reason: 'x' }).thenRejects('NOT_PERMITTED');
    expect(nextCompiledReportAt(foldDirective(withdrawn))).toBeUndefined();
  });
});

describe('assignmentCommandsFor', () => {
  it('creates each single assignment, and an eachOf parent with one track per agency', () => {
    const commands = assignmentCommandsFor(foldDirective([created()]), AT);
    expect(commands.map((c) => [c.assignmentId, c.kind, c.parentId ?? null])).toEqual([
      ['TB-123.1', 'single', null],
      ['TB-123.2', 'eachOf', null],
      ['TB-123.2.UBND-HLA', 'track', 'TB-123.2'],
      ['TB-123.2.UBND-HLB', 'track', 'TB-123.2'],
    ]);
    const single = foldAssignment(decide(commands[0], foldAssignment([])));
    // 10 working days from Friday 22/3/2024: 25–29/3, 1–5/4 → Friday 5 April
    expect(single.exists && single.originalDueAt).toBe('2024-04-05T16:59:59.999Z');
    const track = foldAssignment(decide(commands[2], foldAssignment([])));
    expect(track.exists && [track.lead, track.originalDueAt]).toEqual(['UBND-HLA', '2024-07-01T16:59:59.999Z']); // 30/6/2024 is a Sunday
  });

  it('tells each assignment whether the notice puts it beyond the province\'s competence, for the agency to see', () => {
    const commands = assignmentCommandsFor(foldDirective([created()]), AT);
    const summaries = commands.map((command) => summarize(foldAssignment(decide(command, foldAssignment([]))), AT));
    expect(summaries.map((s) => [s.id, s.centralCompetence])).toEqual([
      ['TB-123.1', true],
      ['TB-123.2', false],
      ['TB-123.2.UBND-HLA', false],
      ['TB-123.2.UBND-HLB', false],
    ]);
  });
});

describe('stage deadlines (directive)', () => {
  const plans = createDirective().assignments!;
  const DEFAULTS = { acknowledge: { kind: 'workingDays' as const, days: 3 }, propose: { kind: 'workingDays' as const, days: 15 } };

  it('gives no stage deadlines without a default policy or plan stages', () => {
    const commands = assignmentCommandsFor(foldDirective([created()]), AT);
    expect(commands.every((c) => !('stageDeadlines' in c))).toBe(true);
  });

  it("applies the directive's default to plans without their own, leaving out stages after the plan's deadline", () => {
    const own = { acknowledge: { kind: 'date' as const, date: '2024-03-25' } };
    const [event] = decideDirective(createDirective({ defaultStageDeadlines: DEFAULTS, assignments: [plans[0], { ...plans[1], stageDeadlines: own }] }), initialDirectiveState);
    expect(event.type === 'DirectiveCreated' && event.data.defaultStageDeadlines).toEqual(DEFAULTS);
    const commands = assignmentCommandsFor(foldDirective([event]), AT);
    // TB-123.1 is due in 10 working days: the 15-working-day proposal default does not fit and is left out.
    expect(commands.map((c) => [c.assignmentId, c.stageDeadlines])).toEqual([
      ['TB-123.1', { acknowledge: DEFAULTS.acknowledge }],
      ['TB-123.2', own],
      ['TB-123.2.UBND-HLA', own],
      ['TB-123.2.UBND-HLB', own],
    ]);
    const single = foldAssignment(decide(commands[0], foldAssignment([])));
    // 3 working days from Friday 22/3/2024 → Wednesday 27 March
    expect(single.exists && single.stageDeadlines).toEqual({ acknowledge: { dueAt: '2024-03-27T16:59:59.999Z', reachedAt: null, missedAt: null } });
  });

  it('rejects plan stages after the deadline or out of order, and defaults that are absolute or out of order', () => {
    given([]).when(createDirective({ assignments: [{ ...plans[0], stageDeadlines: { report: { kind: 'workingDays', days: 11 } } }] })).thenRejects('VALIDATION_FAILED');
    given([]).when(createDirective({ assignments: [{ ...plans[0], stageDeadlines: { acknowledge: { kind: 'workingDays', days: 5 }, propose: { kind: 'workingDays', days: 2 } } }] })).thenRejects('VALIDATION_FAILED');
    given([]).when(createDirective({ defaultStageDeadlines: { acknowledge: { kind: 'date', date: '2024-04-01' } } })).thenRejects('VALIDATION_FAILED');
    given([]).when(createDirective({ defaultStageDeadlines: { acknowledge: { kind: 'workingDays', days: 5 }, propose: { kind: 'workingDays', days: 2 } } })).thenRejects('VALIDATION_FAILED');
  });
});
