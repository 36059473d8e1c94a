import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, AssignmentCommand, AssignmentState, AssignmentSummary, CreateAssignment, TimerCommand } from '@app/domain';
import type { AppendedEvent } from './activities';

export const ASSIGNMENT_WORKFLOW = 'assignmentWorkflow';

/** A command as a client sends it: the workflow stamps the time, so validator and handler agree on it. */
export type UserCommand = Exclude<AssignmentCommand, CreateAssignment | TimerCommand | { type: 'RecordTrackProgress' }>;
export type UserCommandBody = DistributiveOmit<UserCommand, 'at' | 'actor'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface CommandRequest {
  command: UserCommandBody;
  actor: Actor;
  correlationId: string;
  /** The API token it came with: its events record which one (an officer's), beside the role in `actor`. */
  tokenId?: string;
}

export interface CommandResult {
  assignment: AssignmentSummary;
  version: number;
  events: AppendedEvent[];
}

export interface AssignmentWorkflowInput {
  assignmentId: string;
  /** The creation command (first run). */
  create?: CreateAssignment;
  /** State carried over by continue-as-new, or stored by the directive that starts the workflow (no `create` then). */
  carried?: { state: AssignmentState; version: number; deliveries?: string[] };
  /** Continue-as-new once history grows past this many events (the server's suggestion also counts). */
  historyLimit?: number;
  correlationId: string;
}

export interface TrackProgress {
  agency: string;
  stage: AssignmentSummary['stage'];
  status: AssignmentSummary['status'];
  /** The track's deadline in force and whether its clock is stopped (tracks of runs recorded before sent neither). */
  dueAt?: string;
  paused?: boolean;
  /** The escalation ladder's level it reached (tracks of runs recorded before did not send it). */
  level?: AssignmentSummary['overdueLevel'];
  /** Its stream version when it sent this: signals may arrive out of order, and the parent keeps the latest. */
  trackVersion?: number;
}

export const assignmentCommandUpdate = defineUpdate<CommandResult, [CommandRequest]>('assignmentCommand');
export const assignmentStateQuery = defineQuery<{ assignment: AssignmentSummary | null; version: number }>('assignmentState');
/** From a track to its eachOf parent: the parent rolls the progress up. */
export const trackProgressSignal = defineSignal<[TrackProgress]>('trackProgress');
/** From an eachOf parent to its tracks: the parent was withdrawn, so are they. */
export const parentWithdrawnSignal = defineSignal<[{ reason: string; actor: Actor }]>('parentWithdrawn');
