import { defineQuery, defineUpdate } from '@temporalio/workflow';

export interface DirectiveWorkflowInput {
  directiveId: string;
}

export interface CreateDirectiveRequest {
  directive: Record<string, unknown>;
  at: string;
  actor: unknown;
  correlationId: string;
}

export interface DirectiveWorkflowState {
  directiveId: string;
  created: boolean;
  version: number;
}

export const DIRECTIVE_WORKFLOW = 'directiveWorkflow';
export const directiveStateQuery = defineQuery<DirectiveWorkflowState>('directiveState');
/** Sent with update-with-start: creates the directive once; a repeat answers the existing state. */
export const createDirectiveUpdate = defineUpdate<DirectiveWorkflowState, [CreateDirectiveRequest]>('createDirective');
