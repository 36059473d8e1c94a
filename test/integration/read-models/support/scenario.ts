import { randomUUID } from 'node:crypto';
import {
  assignmentCommandsFor,
  decideAssignment,
  decideDirective,
  evolveAssignment,
  evolveDirective,
  EVENT_SCHEMA_VERSION,
  initialAssignmentState,
  initialDirectiveState,
  nextTimer,
  type Actor,
  type AssignmentCommand,
  type AssignmentEvent,
  type AssignmentState,
  type CreateDirective,
  type DirectiveCommand,
  type DirectiveEvent,
  type DirectiveState,
} from '@app/domain';
import { EventStore, type Sql, type StoredEvent } from '@app/event-store';
import { dondocProjector } from '@app/read-models';

/** Short, upper-case, unique enough: test data shares the database with every other test file. */
export const uniqueSuffix = (): string => Math.random().toString(36).slice(2, 8).toUpperCase();

export const SUPERVISOR: Actor = { kind: 'supervisor' };
export const SYSTEM: Actor = { kind: 'system' };
export const agencyActor = (agency: string): Actor => ({ kind: 'agency', agency });

const toNew = (event: AssignmentEvent | DirectiveEvent) => ({ type: event.type, data: event.data, schemaVersion: EVENT_SCHEMA_VERSION[event.type] });

/**
 * Drives the real domain deciders and appends what they decide through a real EventStore with dondocProjector(),
 * as the workflows do, so the read models see genuine events.
 */
export class Scenario {
  private readonly assignments = new Map<string, { state: AssignmentState; version: number }>();
  private readonly directives = new Map<string, { state: DirectiveState; version: number }>();

  constructor(readonly store: EventStore) {}

  static on(sql: Sql): Scenario {
    return new Scenario(new EventStore(sql, new Map(), dondocProjector()));
  }

  /** Creates the directive, then each assignment (and eachOf track) it implies, at the same instant. */
  async createDirective(command: CreateDirective): Promise<StoredEvent[]> {
    const stored = await this.directive(command.directiveId, command);
    const state = this.directives.get(command.directiveId)?.state ?? initialDirectiveState;
    for (const create of assignmentCommandsFor(state, command.at)) stored.push(...(await this.assignment(create.assignmentId, create)));
    return stored;
  }

  async directive(directiveId: string, command: DirectiveCommand): Promise<StoredEvent[]> {
    const current = this.directives.get(directiveId) ?? { state: initialDirectiveState, version: 0 };
    const events = decideDirective(command, current.state);
    const result = await this.store.append(`directive-${directiveId}`, current.version, events.map(toNew), this.context(command.at, command.actor));
    this.directives.set(directiveId, { state: events.reduce(evolveDirective, current.state), version: result.version });
    return result.events;
  }

  async assignment(assignmentId: string, command: AssignmentCommand): Promise<StoredEvent[]> {
    const current = this.assignments.get(assignmentId) ?? { state: initialAssignmentState, version: 0 };
    const events = decideAssignment(command, current.state);
    const result = await this.store.append(`assignment-${assignmentId}`, current.version, events.map(toNew), this.context(command.at, command.actor));
    this.assignments.set(assignmentId, { state: events.reduce(evolveAssignment, current.state), version: result.version });
    return result.events;
  }

  /** Fires every timer the domain arms for the assignment up to `until`, each at its due instant. */
  async fireTimersUntil(assignmentId: string, until: string): Promise<StoredEvent[]> {
    const fired: StoredEvent[] = [];
    for (let timer = this.nextTimerOf(assignmentId); timer && Date.parse(timer.at) <= Date.parse(until); timer = this.nextTimerOf(assignmentId)) {
      fired.push(...(await this.assignment(assignmentId, timer.command)));
    }
    return fired;
  }

  /** Acknowledge, propose (within provincial competence), accept, report and confirm: the whole lifecycle. */
  async complete(assignmentId: string, lead: string, times: readonly [string, string, string, string, string]): Promise<StoredEvent[]> {
    const [ack, propose, accept, report, confirm] = times;
    const actor = agencyActor(lead);
    return [
      ...(await this.assignment(assignmentId, { type: 'Acknowledge', at: ack, actor })),
      ...(await this.assignment(assignmentId, { type: 'SubmitProposal', at: propose, actor, summary: 'Đề xuất phương án thực hiện', beyondProvincialCompetence: false })),
      ...(await this.assignment(assignmentId, { type: 'ReviewProposal', at: accept, actor: SUPERVISOR, decision: 'accept' })),
      ...(await this.assignment(assignmentId, { type: 'SubmitReport', at: report, actor, summary: 'Đã hoàn thành nhiệm vụ' })),
      ...(await this.assignment(assignmentId, { type: 'ConfirmReport', at: confirm, actor: SUPERVISOR })),
    ];
  }

  private nextTimerOf(assignmentId: string) {
    return nextTimer(this.assignments.get(assignmentId)?.state ?? initialAssignmentState);
  }

  private context(occurredAt: string, actor: Actor) {
    return { occurredAt, actor, correlationId: randomUUID(), causationId: null };
  }
}

/** A directive issued 1 March 2024 (Friday) by the Standing Committee, with the given assignment plans. */
export function directiveCommand(directiveId: string, assignments: CreateDirective['assignments'], overrides: Partial<CreateDirective> = {}): CreateDirective {
  return {
    type: 'CreateDirective',
    at: '2024-03-01T02:00:00.000Z',
    actor: SUPERVISOR,
    directiveId,
    title: 'Thông báo kết luận của Ban Thường vụ Tỉnh ủy về sắp xếp tổ chức bộ máy',
    number: '123-TB/TU',
    issuingBody: 'Ban Thường vụ Tỉnh ủy',
    issuedOn: '2024-03-01',
    assignments,
    ...overrides,
  };
}

/** End of 29 March 2024 in Hà Nội: the deadline of a plan `{ kind: 'date', date: '2024-03-29' }`. */
export const DUE_29_MARCH = '2024-03-29T16:59:59.999Z';
