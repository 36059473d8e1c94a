/** What workflows ask of the outside world. Implemented in apps/worker, imported by workflows as a type only. */
import type { Actor } from '@app/domain';
import type { AssignmentWorkflowInput } from './assignment-workflow';

export interface AppendEventsInput {
  streamId: string;
  expectedVersion: number;
  events: { type: string; data: unknown; schemaVersion: number }[];
  occurredAt: string;
  actor: unknown;
  correlationId: string;
  causationId: string | null;
  /** The API token of the person whose command this is (see CommandRequest). */
  tokenId?: string;
}

export interface AppendedEvent {
  eventId: string;
  streamVersion: number;
  type: string;
  data: unknown;
  occurredAt: string;
  globalPosition: string;
}

export interface AppendEventsOutput {
  version: number;
  events: AppendedEvent[];
  /**
   * Of the events, those with a notification for an agency that has a webhook (absent in runs recorded before): the
   * timers' notices, and the decisions' since they are posted too (before, the timers' only).
   */
  webhookEvents?: string[];
  /**
   * True when the store already held this command's events (a retry): `events` are those, which a workflow task
   * retried after its worker died decided at another time (absent in runs recorded before).
   */
  duplicate?: boolean;
  /**
   * Set instead of appending when the stream holds events after `expectedVersion` that are not this command's: its
   * workflow is its only writer, so they are that workflow's own, stored by a workflow task whose completion was lost
   * (its worker died, or the task timed out). `version` is then the stream's; nothing was written.
   */
  behind?: BehindEvent[];
}

/** An event the workflow has not seen, with who caused it and the command it came from (its correlation id). */
export interface BehindEvent extends AppendedEvent {
  correlationId: string;
  actor: unknown;
}

/** Several streams appended in one transaction (a directive with its assignments' creation). */
export interface AppendToStreamsInput {
  appends: Pick<AppendEventsInput, 'streamId' | 'expectedVersion' | 'events'>[];
  occurredAt: string;
  actor: unknown;
  correlationId: string;
  causationId: string | null;
  /** The API token of the person who created the directive (see CreateDirectiveRequest). */
  tokenId?: string;
  /**
   * The first batch of a directive's creation: the streams of its later batches, claimed with it. A stream of the
   * batch or of these that another directive holds fails the append with ASSIGNMENT_ID_TAKEN, storing nothing.
   */
  reserve?: string[];
}

export interface AppendToStreamsOutput {
  /** Each stream's version after the append, in the order of the input. */
  versions: number[];
  /**
   * By index in the input, the events of streams the store already held (a retry), as stored: a workflow task
   * retried after its worker died decided them at another time. Absent when none (and in runs recorded before).
   */
  duplicates?: Record<number, { type: string; data: unknown }[]>;
  /**
   * By index in the input, the events appended that have a notification for an agency with a webhook (a new
   * assignment's): the assignment's workflow delivers them. Absent when none (and in runs recorded before).
   */
  webhookEvents?: Record<number, string[]>;
}

export interface DeliverNotificationsInput {
  /** Ids of timer events (reminders, overdue, ladder levels, missed stage deadlines) whose notifications to deliver. */
  eventIds: string[];
}

/** Workflow starts kept in flight at once by startAssignments: enough to keep the server busy without queueing thousands. */
export const ASSIGNMENT_STARTS_IN_FLIGHT = 32;

/** Assignments' workflows to start, each from the state the directive stored (`carried`), as of `at`. */
export interface StartAssignmentsInput {
  inputs: AssignmentWorkflowInput[];
  at: string;
  /** Starts kept in flight at once; ASSIGNMENT_STARTS_IN_FLIGHT when absent. */
  inFlight?: number;
}

export interface StartAssignmentsOutput {
  started: number;
  /** Already running or run: a retry of a batch that got through. */
  alreadyStarted: number;
}

/** Assignments' Withdraw updates kept in flight at once by withdrawAssignments. */
export const ASSIGNMENT_WITHDRAWALS_IN_FLIGHT = 32;

/** A withdrawn directive's assignments to withdraw, each with the supervisor's Withdraw as the API would send it. */
export interface WithdrawAssignmentsInput {
  assignmentIds: string[];
  reason: string;
  actor: Actor;
  correlationId: string;
  tokenId?: string;
  /** Each update's id is this and the assignment's: a retried activity sends the same updates, which run once. */
  updateIdPrefix: string;
  /** The tracks of the "each of" assignments among them, withdrawn once their parents are (absent: runs before). */
  trackIds?: string[];
}

export interface WithdrawAssignmentsOutput {
  withdrawn: string[];
  /** Closed or withdrawn before (their workflow refused, or had ended). */
  alreadyClosed: string[];
}

export interface DondocActivities {
  appendEvents(input: AppendEventsInput): Promise<AppendEventsOutput>;
  /** Appends to several streams, all or nothing; answers only the versions (the events would be a large payload). */
  appendToStreams(input: AppendToStreamsInput): Promise<AppendToStreamsOutput>;
  /** Posts each pending notification of these events to its agency's webhook (HMAC-signed) and records delivery. */
  deliverNotifications(input: DeliverNotificationsInput): Promise<{ delivered: number; inboxOnly: number }>;
  /** Starts assignments' workflows through the Temporal client, a few dozen in flight; a repeat starts nothing. */
  startAssignments(input: StartAssignmentsInput): Promise<StartAssignmentsOutput>;
  /** Sends each assignment its Withdraw update through the Temporal client; one already closed or withdrawn is skipped. */
  withdrawAssignments(input: WithdrawAssignmentsInput): Promise<WithdrawAssignmentsOutput>;
  /** Status counts of a directive's assignments, for the monitor's compiled report. */
  directiveStatusCounts(input: { directiveId: string; at: string }): Promise<Record<string, number>>;
}
