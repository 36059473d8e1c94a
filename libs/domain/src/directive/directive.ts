import type { DeadlineSpec } from '../calendar/deadline';
import type { AgencyAssignment, AssignmentStatus, StageDeadlineSpecs, TimerPolicy } from '../assignment/assignment-types';
import { assertNever } from '../shared/assert-never';

/** How often the monitoring agency compiles a progress report, in milliseconds (30 days in production, less in tests). */
export interface ReportingCadence {
  readonly everyMs: number;
}

/** One assignment as the notice states it: the paragraph it came from, who leads, when it is due. */
export interface AssignmentPlan {
  readonly id: string;
  readonly paragraph: string | null;
  readonly text: string;
  readonly kind: 'single' | 'eachOf';
  readonly agencies: readonly AgencyAssignment[];
  readonly deadline: DeadlineSpec;
  /** The matter is believed to need a decision of the Centre (beyond provincial competence). */
  readonly centralCompetence: boolean;
  /** Milestones (acknowledge, propose, report by…); absent: the directive's default stage deadlines, if any. */
  readonly stageDeadlines?: StageDeadlineSpecs;
}

export type StatusCounts = Readonly<Record<AssignmentStatus, number>>;

export type DirectiveCreated = {
  type: 'DirectiveCreated';
  data: {
    directiveId: string;
    number: string | null;
    title: string;
    issuingBody: string | null;
    issuedOn: string | null;
    sourceText: string | null;
    monitoringAgency: string;
    reportingCadence: ReportingCadence;
    timerPolicy: TimerPolicy;
    assignments: AssignmentPlan[];
    /** Present only when set: stage deadlines (relative) for plans without their own. */
    defaultStageDeadlines?: StageDeadlineSpecs;
    at: string;
  };
};
export type CompiledReportProduced = { type: 'CompiledReportProduced'; data: { periodEnd: string; counts: StatusCounts; at: string } };
export type DirectiveWithdrawn = { type: 'DirectiveWithdrawn'; data: { reason: string; at: string } };

export type DirectiveEvent = DirectiveCreated | CompiledReportProduced | DirectiveWithdrawn;
export type DirectiveEventType = DirectiveEvent['type'];

export const DIRECTIVE_EVENT_SCHEMA_VERSION = {
  DirectiveCreated: 1,
  CompiledReportProduced: 1,
  DirectiveWithdrawn: 1,
} as const satisfies Record<DirectiveEventType, number>;

export const DIRECTIVE_EVENT_TYPES: readonly DirectiveEventType[] = Object.freeze(Object.keys(DIRECTIVE_EVENT_SCHEMA_VERSION) as DirectiveEventType[]);

export interface ExistingDirective extends Omit<DirectiveCreated['data'], 'at' | 'directiveId'> {
  readonly exists: true;
  readonly id: string;
  readonly createdAt: string;
  readonly status: 'active' | 'withdrawn';
  readonly withdrawal: { readonly reason: string; readonly at: string } | null;
  readonly reports: readonly { readonly periodEnd: string; readonly counts: StatusCounts; readonly at: string }[];
}

export type DirectiveState = { readonly exists: false } | ExistingDirective;

export const initialDirectiveState: DirectiveState = Object.freeze({ exists: false });

export function evolveDirective(state: DirectiveState, event: DirectiveEvent): DirectiveState {
  switch (event.type) {
    case 'DirectiveCreated': {
      if (state.exists) return state;
      const { directiveId, at, ...rest } = event.data;
      return { ...rest, exists: true, id: directiveId, createdAt: at, status: 'active', withdrawal: null, reports: [] };
    }
    case 'CompiledReportProduced':
      return state.exists ? { ...state, reports: [...state.reports, event.data] } : state;
    case 'DirectiveWithdrawn':
      return state.exists ? { ...state, status: 'withdrawn', withdrawal: { ...event.data } } : state;
    default:
      return assertNever(event, 'directive event');
  }
}

export const foldDirective = (events: readonly DirectiveEvent[]): DirectiveState => events.reduce(evolveDirective, initialDirectiveState);
