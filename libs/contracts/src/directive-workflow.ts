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

/** From an assignment workflow to its directive's, once its creation is stored: creation answers after all are. */
export const assignmentReadySignal = defineSignal<[{ assignmentId: string }]>('assignmentReady');
