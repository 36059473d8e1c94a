import type { AssignmentCreated, AssignmentEvent } from '../assignment/assignment';
import type { CreateAssignment } from '../assignment/assignment-commands';
import type { TimerPolicy } from '../assignment/assignment-types';
import type { Actor } from '../shared/actor';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const LEAD: Actor = { kind: 'agency', agency: 'SNV' };
export const COORDINATOR: Actor = { kind: 'agency', agency: 'STC' };
export const STRANGER: Actor = { kind: 'agency', agency: 'SYT' };
export const SUPERVISOR: Actor = { kind: 'supervisor' };
export const ADMIN: Actor = { kind: 'admin' };
export const SYSTEM: Actor = { kind: 'system' };

export const POLICY: TimerPolicy = { remindBeforeMs: [3 * DAY, DAY], ladderAfterMs: [DAY, 3 * DAY, 7 * DAY] };

/** Created 1 March 2024 09:00 (Hà Nội); due end of 29 March 2024 (Friday) = 16:59:59.999Z. */
export const CREATED_AT = '2024-03-01T02:00:00.000Z';
export const DUE = '2024-03-29T16:59:59.999Z';

export const TEXT = 'Sở Nội vụ chủ trì, phối hợp Sở Tài chính tham mưu sắp xếp tổ chức bộ máy';

export const createdEvent = (overrides: Partial<AssignmentCreated['data']> = {}): AssignmentCreated => ({
  type: 'AssignmentCreated',
  data: {
    assignmentId: 'TB-123.1',
    directiveId: 'TB-123',
    kind: 'single',
    parentId: null,
    paragraph: 'Mục 2.1',
    text: TEXT,
    agencies: [
      { agency: 'SNV', role: 'lead' },
      { agency: 'STC', role: 'coordinator' },
    ],
    deadline: { kind: 'date', date: '2024-03-29' },
    originalDueAt: DUE,
    timerPolicy: POLICY,
    at: CREATED_AT,
    ...overrides,
  },
});

/** Event builders for the common path, each at a given instant. */
export const ev = {
  acknowledged: (at: string): AssignmentEvent => ({ type: 'AssignmentAcknowledged', data: { agency: 'SNV', at } }),
  proposed: (at: string, beyond = false): AssignmentEvent => ({ type: 'ProposalSubmitted', data: { summary: 'Đề xuất phương án', beyondProvincialCompetence: beyond, at } }),
  accepted: (at: string): AssignmentEvent => ({ type: 'ProposalAccepted', data: { comment: null, at } }),
  escalated: (at: string): AssignmentEvent => ({ type: 'EscalatedToCentre', data: { centralBody: 'Ban Tổ chức Trung ương', summary: 'Xin ý kiến', at } }),
  responded: (at: string, pausedMs: number, adjustedDueAt: string): AssignmentEvent => ({ type: 'CentreResponded', data: { response: 'Đồng ý', pausedMs, adjustedDueAt, at } }),
  reported: (at: string): AssignmentEvent => ({ type: 'ReportSubmitted', data: { summary: 'Đã hoàn thành', at, stopsClock: true } }),
  /** A report as stored before the clock stopped for the Office's review. */
  reportedClockRunning: (at: string): AssignmentEvent => ({ type: 'ReportSubmitted', data: { summary: 'Đã hoàn thành', at } }),
  extensionRequested: (at: string, newDueAt: string): AssignmentEvent => ({ type: 'ExtensionRequested', data: { reason: 'Chờ số liệu', newDueAt, at } }),
  extensionApproved: (at: string, previousDueAt: string, adjustedDueAt: string): AssignmentEvent => ({ type: 'ExtensionApproved', data: { previousDueAt, adjustedDueAt, comment: null, at } }),
  overdue: (at: string, dueAt = DUE): AssignmentEvent => ({ type: 'MarkedOverdue', data: { dueAt, at } }),
};

export const inResearch = (): AssignmentEvent[] => [createdEvent(), ev.acknowledged('2024-03-02T02:00:00.000Z')];
export const inProposed = (beyond = false): AssignmentEvent[] => [...inResearch(), ev.proposed('2024-03-05T02:00:00.000Z', beyond)];
export const inAccepted = (beyond = false): AssignmentEvent[] => [...inProposed(beyond), ev.accepted('2024-03-06T02:00:00.000Z')];
export const inEscalated = (): AssignmentEvent[] => [...inAccepted(true), ev.escalated('2024-03-07T02:00:00.000Z')];
export const inCentreResponded = (): AssignmentEvent[] => [...inEscalated(), ev.responded('2024-03-17T02:00:00.000Z', 10 * DAY, '2024-04-08T16:59:59.999Z')];
export const inReported = (): AssignmentEvent[] => [...inAccepted(), ev.reported('2024-03-20T02:00:00.000Z')];

/** The command that produces createdEvent(): a single assignment led by SNV with STC coordinating. */
export const createCommand = (overrides: Partial<CreateAssignment> = {}): CreateAssignment => ({
  type: 'CreateAssignment',
  at: CREATED_AT,
  actor: SYSTEM,
  assignmentId: 'TB-123.1',
  directiveId: 'TB-123',
  kind: 'single',
  paragraph: 'Mục 2.1',
  text: TEXT,
  agencies: [
    { agency: 'SNV', role: 'lead' },
    { agency: 'STC', role: 'coordinator' },
  ],
  deadline: { kind: 'date', date: '2024-03-29' },
  timerPolicy: POLICY,
  ...overrides,
});
