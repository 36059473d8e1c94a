import fc from 'fast-check';
import type { Actor } from '../shared/actor';
import { DomainError } from '../shared/domain-error';
import { deepFreeze } from '../testing/decider-spec';
import { ADMIN, COORDINATOR, CREATED_AT, DAY, HOUR, LEAD, STRANGER, SUPERVISOR, SYSTEM, createdEvent } from '../testing/assignment-fixtures';
import { evolve, foldAssignment, type AssignmentEvent, type AssignmentState } from './assignment';
import { decide, type AssignmentCommand } from './assignment-commands';
import { nextTimer } from './assignment-timers';
import { statusAt } from './assignment-status';

type Step = { kind: 'command'; build: (at: string) => AssignmentCommand } | { kind: 'fireTimer' };

const ACTORS: Actor[] = [LEAD, COORDINATOR, STRANGER, SUPERVISOR, ADMIN, SYSTEM];
const actorArb = (natural: Actor) => fc.oneof({ weight: 4, arbitrary: fc.constant(natural) }, { weight: 1, arbitrary: fc.constantFrom(...ACTORS) });
const textArb = fc.constantFrom('Ghi chú', ' ', 'Báo cáo kết quả', 'Ý kiến'.normalize('NFD'));

const cmd = <A>(arb: fc.Arbitrary<A>, build: (a: A, at: string) => AssignmentCommand): fc.Arbitrary<Step> => arb.map((a) => ({ kind: 'command' as const, build: (at: string) => build(a, at) }));

const weighted = (weight: number, arbitrary: fc.Arbitrary<Step>) => ({ weight, arbitrary });

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  weighted(4, cmd(actorArb(LEAD), (actor, at) => ({ type: 'Acknowledge', at, actor }))),
  weighted(4, cmd(fc.tuple(fc.constantFrom(LEAD, COORDINATOR, STRANGER), textArb), ([actor, note], at) => ({ type: 'RecordResearch', at, actor, note }))),
  weighted(4, cmd(fc.tuple(actorArb(LEAD), fc.boolean()), ([actor, beyond], at) => ({ type: 'SubmitProposal', at, actor, summary: 'Phương án', beyondProvincialCompetence: beyond }))),
  weighted(4, cmd(fc.tuple(actorArb(SUPERVISOR), fc.constantFrom('accept' as const, 'return' as const), fc.option(textArb)), ([actor, decision, comment], at) => ({ type: 'ReviewProposal', at, actor, decision, comment: comment ?? undefined }))),
  weighted(4, cmd(fc.constantFrom(LEAD, SUPERVISOR, COORDINATOR), (actor, at) => ({ type: 'EscalateToCentre', at, actor, centralBody: 'Văn phòng Trung ương Đảng', summary: 'Xin ý kiến' }))),
  weighted(4, cmd(actorArb(SUPERVISOR), (actor, at) => ({ type: 'RecordCentreResponse', at, actor, response: 'Đồng ý' }))),
  weighted(4, cmd(actorArb(LEAD), (actor, at) => ({ type: 'SubmitReport', at, actor, summary: 'Đã xong' }))),
  weighted(4, cmd(actorArb(SUPERVISOR), (actor, at) => ({ type: 'ConfirmReport', at, actor }))),
  weighted(4, cmd(fc.tuple(actorArb(SUPERVISOR), textArb), ([actor, comment], at) => ({ type: 'RejectReport', at, actor, comment }))),
  weighted(4, cmd(fc.tuple(actorArb(LEAD), fc.integer({ min: -10, max: 40 })), ([actor, days], at) => ({ type: 'RequestExtension', at, actor, reason: 'Chờ số liệu', newDueAt: new Date(Date.parse(at) + days * DAY).toISOString() }))),
  weighted(4, cmd(fc.tuple(actorArb(SUPERVISOR), fc.constantFrom('approve' as const, 'deny' as const)), ([actor, decision], at) => ({ type: 'DecideExtension', at, actor, decision }))),
  weighted(1, cmd(fc.tuple(fc.constantFrom(SUPERVISOR, ADMIN, LEAD), textArb), ([actor, reason], at) => ({ type: 'Withdraw', at, actor, reason }))),
  weighted(4, cmd(fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3>, (level, at) => ({ type: 'Escalate', at, actor: SYSTEM, level }))),
  weighted(4, cmd(fc.constant(null), (_n, at) => ({ type: 'MarkOverdue', at, actor: SYSTEM }))),
  weighted(4, fc.constant<Step>({ kind: 'fireTimer' })),
);

const scenarioOf = (minLength: number) => fc.array(fc.tuple(stepArb, fc.integer({ min: 0, max: (4 * DAY) / HOUR })), { minLength, maxLength: 80 });
const scenarioArb = scenarioOf(1);

interface Run {
  events: AssignmentEvent[];
  states: AssignmentState[];
}

/** Runs the scenario, checking the per-step invariants as it goes. */
function run(scenario: [Step, number][]): Run {
  const events: AssignmentEvent[] = [createdEvent()];
  const states: AssignmentState[] = [deepFreeze(foldAssignment(events))];
  let clock = Date.parse(CREATED_AT);
  for (const [step, hours] of scenario) {
    clock += hours * HOUR;
    const state = states[states.length - 1];
    const timer = nextTimer(state);
    if (step.kind === 'fireTimer' && timer) clock = Math.max(clock, Date.parse(timer.at));
    const now = new Date(clock).toISOString();
    // the workflow fires a timer at (or after) its instant and stamps the command with the firing time
    const command = step.kind === 'fireTimer' ? timer && { ...timer.command, at: now } : step.build(now);
    if (!command) continue;
    let produced: AssignmentEvent[];
    try {
      produced = decide(command, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error; // a mutation of the frozen state or a bug, never a rejection
      expect(step.kind).toBe('command'); // a timer nextTimer proposes is always accepted
      continue;
    }
    expect(JSON.parse(JSON.stringify(produced))).toEqual(produced);
    events.push(...produced);
    states.push(deepFreeze(produced.reduce(evolve, state)));
  }
  return { events, states };
}

const existing = (state: AssignmentState) => {
  if (!state.exists) throw new Error('the assignment vanished');
  return state;
};

describe('assignment invariants under random command sequences', () => {
  it('closed and withdrawn are terminal; the verdict never changes; the due date is never lost', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { states } = run(scenario);
        const first = existing(states[0]);
        let terminalAt = -1;
        states.forEach((raw, i) => {
          const s = existing(raw);
          expect(s.originalDueAt).toBe(first.originalDueAt);
          expect(Date.parse(s.adjustedDueAt)).toBeGreaterThanOrEqual(Date.parse(s.originalDueAt));
          if (terminalAt >= 0) {
            const t = existing(states[terminalAt]);
            expect([s.stage, s.verdict, s.closedAt]).toEqual([t.stage, t.verdict, t.closedAt]);
          }
          if (terminalAt < 0 && (s.stage === 'closed' || s.stage === 'withdrawn')) terminalAt = i;
          if (s.stage === 'closed') expect(statusAt(s, '2099-01-01T00:00:00.000Z')).toBe(s.verdict === 'late' ? 'doneLate' : 'doneOnTime');
          if (s.pausedAt !== null || s.stage === 'closed' || s.stage === 'withdrawn') expect(nextTimer(s)).toBeUndefined();
        });
        // once terminal, nothing more was appended
        expect(terminalAt < 0 || terminalAt === states.length - 1).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('rejects every command after closing or withdrawal', () => {
    fc.assert(
      fc.property(scenarioOf(40), stepArb, (scenario, step) => {
        const { states } = run(scenario);
        const last = existing(states[states.length - 1]);
        fc.pre(last.stage === 'closed' || last.stage === 'withdrawn');
        const command = step.kind === 'command' ? step.build('2030-01-01T00:00:00.000Z') : { type: 'MarkOverdue' as const, at: '2030-01-01T00:00:00.000Z', actor: SYSTEM };
        expect(() => decide(command, last)).toThrow(expect.objectContaining({ code: last.stage === 'closed' ? 'ASSIGNMENT_CLOSED' : 'ASSIGNMENT_WITHDRAWN' }));
      }),
      { numRuns: 100 },
    );
  });

  it('events are only ever appended: folding any prefix of the log gives the state at that point', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { events, states } = run(scenario);
        expect(foldAssignment(events)).toEqual(states[states.length - 1]);
        expect(foldAssignment(JSON.parse(JSON.stringify(events)) as AssignmentEvent[])).toEqual(states[states.length - 1]);
        const prefixes = states.map((s) => existing(s).lastEventAt);
        expect([...prefixes].sort()).toEqual(prefixes); // time never goes backwards in the log
      }),
      { numRuns: 200 },
    );
  });

  it('reaches every terminal outcome (the generator is not vacuous)', () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(scenarioOf(40), (scenario) => {
        const last = existing(run(scenario).states.at(-1) as AssignmentState);
        outcomes.add(last.stage === 'closed' ? `closed-${last.verdict}` : last.stage);
      }),
      { numRuns: 1000, seed: 42 },
    );
    expect([...outcomes].filter((o) => ['closed-onTime', 'closed-late', 'withdrawn'].includes(o)).sort()).toEqual(['closed-late', 'closed-onTime', 'withdrawn']);
  });
});
