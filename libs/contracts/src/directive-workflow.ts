import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, CreateDirective } from '@app/domain';

export const DIRECTIVE_WORKFLOW = 'directiveWorkflow';

export interface DirectiveWorkflowInput {
  directiveId: string;
  /** Passed on to the assignment workflows; see AssignmentWorkflowInput.historyLimit. */
  historyLimit?: number;
  carried?: { state: unknown; version: number; started: boolean };
  /** How long a run with no directive waits for its creation before ending (60 s; tests shorten it). */
  awaitCreationMs?: number;
}

export interface CreateDirectiveRequest {
  /** CreateDirective without time and actor: the workflow stamps the time. */
  directive: Omit<CreateDirective, 'type' | 'at' | 'actor' | 'directiveId'>;
  actor: Actor;
  correlationId: string;
  /** The API token the directive was created with (recorded in the events' metadata, as a step's is). */
  tokenId?: string;
}

export interface DirectiveWorkflowState {
  directiveId: string;
  /** From the state query: whether the directive exists. From the create update and the API: whether this request created it (false: a repeat). */
  created: boolean;
  version: number;
  assignmentIds: string[];
}

export const directiveStateQuery = defineQuery<DirectiveWorkflowState>('directiveState');
/** Sent with update-with-start: creates the directive and starts its assignments once; a repeat answers the state. */
export const createDirectiveUpdate = defineUpdate<DirectiveWorkflowState, [CreateDirectiveRequest]>('createDirective');

/** A directive's withdrawal by the Office: the workflow stamps the time. */
export interface WithdrawDirectiveRequest {
  reason: string;
  actor: Actor;
  correlationId: string;
  /** The API token it came with, recorded on the directive's event and on each assignment's withdrawal. */
  tokenId?: string;
}

/** The directive as withdrawn, and what became of its assignments ("each of" parents stand for their tracks). */
export interface DirectiveWithdrawalResult {
  directiveId: string;
  withdrawn: true;
  withdrawal: { reason: string; at: string };
  version: number;
  /** Withdrawn by this withdrawal, in the directive's order. */
  withdrawnAssignments: string[];
  /** Closed or withdrawn before it, left as they were. */
  alreadyClosedAssignments: string[];
}

/** Withdraws the directive, then every assignment of it still open; the directive's monitoring then ends. */
export const withdrawDirectiveUpdate = defineUpdate<DirectiveWithdrawalResult, [WithdrawDirectiveRequest]>('withdrawDirective');

/** From an assignment workflow to its directive's, once its creation is stored: creation answers after all are. */
export const assignmentReadySignal = defineSignal<[{ assignmentId: string }]>('assignmentReady');
