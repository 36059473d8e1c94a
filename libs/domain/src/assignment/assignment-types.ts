import type { DeadlineSpec } from '../calendar/deadline';

/** `single`: one lead and coordinators. `eachOf`: every listed agency runs its own `track` stream; the parent rolls up. */
export type AssignmentKind = 'single' | 'eachOf' | 'track';

/** chủ trì (lead) or phối hợp (coordinator). */
export type AgencyRole = 'lead' | 'coordinator';

export interface AgencyAssignment {
  readonly agency: string;
  readonly role: AgencyRole;
}

/** Offsets in milliseconds: reminders before the due date, escalation ladder levels 1–3 after it. */
export interface TimerPolicy {
  readonly remindBeforeMs: readonly number[];
  readonly ladderAfterMs: readonly [number, number, number];
}

/** `tracking` is the stage of an `eachOf` parent while its tracks run. */
export type AssignmentStage =
  | 'received'
  | 'research'
  | 'proposed'
  | 'accepted'
  | 'escalated'
  | 'centreResponded'
  | 'reported'
  | 'tracking'
  | 'closed'
  | 'withdrawn';

export const ASSIGNMENT_STAGES: readonly AssignmentStage[] = ['received', 'research', 'proposed', 'accepted', 'escalated', 'centreResponded', 'reported', 'tracking', 'closed', 'withdrawn'];

export type Verdict = 'onTime' | 'late';

/** As Vietnamese trackers report: đang thực hiện trong hạn / quá hạn, hoàn thành đúng hạn / quá hạn, and withdrawn. */
export type AssignmentStatus = 'inProgressOnTime' | 'inProgressOverdue' | 'doneOnTime' | 'doneLate' | 'withdrawn';

export const ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = ['inProgressOnTime', 'inProgressOverdue', 'doneOnTime', 'doneLate', 'withdrawn'];

/** 1: head of the agency, 2: Provincial Party Office (VPTU), 3: Provincial Party Standing Committee. */
export type EscalationLevel = 1 | 2 | 3;

export type ExtensionDecision = 'approve' | 'deny';
export type ProposalDecision = 'accept' | 'return';

export const trackIdOf = (parentId: string, agency: string): string => `${parentId}.${agency}`;

/** The milestones a stage deadline can set: acknowledge receipt, submit the proposal, submit the report. */
export type StageMilestone = 'acknowledge' | 'propose' | 'report';

export const STAGE_MILESTONES: readonly StageMilestone[] = ['acknowledge', 'propose', 'report'];

/** Optional deadlines per milestone, as the directive states them (the overall deadline stays the report/closure one). */
export type StageDeadlineSpecs = { readonly [S in StageMilestone]?: DeadlineSpec };
