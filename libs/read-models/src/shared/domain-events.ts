import { ASSIGNMENT_EVENT_TYPES, DIRECTIVE_EVENT_TYPES, type AssignmentEvent, type AssignmentEventType, type DirectiveEvent, type DirectiveEventType } from '@app/domain';
import type { StoredEvent } from '@app/event-store';

// Stream ids as in @app/contracts (workflow-ids.ts); not imported from there, it pulls in the Temporal SDK.
const ASSIGNMENT_STREAM = 'assignment-';
const DIRECTIVE_STREAM = 'directive-';

const assignmentTypes: ReadonlySet<string> = new Set<AssignmentEventType>(ASSIGNMENT_EVENT_TYPES);
const directiveTypes: ReadonlySet<string> = new Set<DirectiveEventType>(DIRECTIVE_EVENT_TYPES);

export interface AssignmentStreamEvent {
  readonly assignmentId: string;
  readonly event: AssignmentEvent;
}

/** The domain event of an assignment stream, or undefined for any other stream or type. */
export function assignmentEventOf(stored: StoredEvent): AssignmentStreamEvent | undefined {
  if (!stored.streamId.startsWith(ASSIGNMENT_STREAM) || !assignmentTypes.has(stored.type)) return undefined;
  const event = { type: stored.type, data: stored.data } as AssignmentEvent;
  return { assignmentId: stored.streamId.slice(ASSIGNMENT_STREAM.length), event };
}

export interface DirectiveStreamEvent {
  readonly directiveId: string;
  readonly event: DirectiveEvent;
}

export function directiveEventOf(stored: StoredEvent): DirectiveStreamEvent | undefined {
  if (!stored.streamId.startsWith(DIRECTIVE_STREAM) || !directiveTypes.has(stored.type)) return undefined;
  const event = { type: stored.type, data: stored.data } as DirectiveEvent;
  return { directiveId: stored.streamId.slice(DIRECTIVE_STREAM.length), event };
}
