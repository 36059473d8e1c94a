/** Workflow ids derive from domain ids, so starting the same directive twice starts nothing new. */
export const directiveWorkflowId = (directiveId: string): string => `directive/${directiveId}`;
export const assignmentWorkflowId = (assignmentId: string): string => `assignment/${assignmentId}`;

export const directiveStreamId = (directiveId: string): string => `directive-${directiveId}`;
export const assignmentStreamId = (assignmentId: string): string => `assignment-${assignmentId}`;
export const assignmentIdOfStream = (streamId: string): string => streamId.replace(/^assignment-/, '');

export const DEFAULT_TASK_QUEUE = 'dondoc';
