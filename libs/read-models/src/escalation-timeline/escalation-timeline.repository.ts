import type { AssignmentEventType } from '@app/domain';
import type { Sql } from '@app/event-store';
import { isoOf, pageSize } from '../shared/sql';

export interface TimelineEntry {
  readonly eventId: string;
  readonly globalPosition: string;
  readonly assignmentId: string;
  readonly directiveId: string;
  readonly agencies: readonly string[];
  readonly type: AssignmentEventType;
  /** The ladder level of an EscalatedToLevel, else null. */
  readonly level: 1 | 2 | 3 | null;
  readonly occurredAt: string;
  readonly actor: unknown;
  /** The event's data. */
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface TimelineFilter {
  directiveId?: string;
  assignmentId?: string;
  /** Entries naming this agency among the assignment's agencies. */
  agency?: string;
  /** Entries at or after this instant. */
  since?: string;
  /** 1–500, default 50. */
  limit?: number;
}

interface TimelineRow {
  event_id: string;
  global_position: string;
  assignment_id: string;
  directive_id: string;
  agencies: string[];
  type: AssignmentEventType;
  level: 1 | 2 | 3 | null;
  occurred_at: Date;
  actor: unknown;
  detail: Record<string, unknown>;
}

const toEntry = (row: TimelineRow): TimelineEntry => ({
  eventId: row.event_id,
  globalPosition: row.global_position,
  assignmentId: row.assignment_id,
  directiveId: row.directive_id,
  agencies: row.agencies,
  type: row.type,
  level: row.level,
  occurredAt: isoOf(row.occurred_at),
  actor: row.actor,
  detail: row.detail,
});

export class EscalationTimelineRepository {
  constructor(private readonly sql: Sql) {}

  /** Newest first. */
  async list(filter: TimelineFilter = {}): Promise<TimelineEntry[]> {
    const sql = this.sql;
    const none = sql``;
    const rows = await sql<TimelineRow[]>`
      select event_id, global_position::text, assignment_id, directive_id, agencies, type, level, occurred_at, actor, detail
      from escalation_timeline t
      where true
        ${filter.directiveId === undefined ? none : sql`and directive_id = ${filter.directiveId}`}
        ${filter.assignmentId === undefined ? none : sql`and assignment_id = ${filter.assignmentId}`}
        ${filter.agency === undefined ? none : sql`and agencies @> array[${filter.agency}]::text[]`}
        ${filter.since === undefined ? none : sql`and occurred_at >= ${filter.since}::timestamptz`}
      order by t.occurred_at desc, t.global_position desc -- qualified: the bare name is the ::text output column
      limit ${pageSize(filter.limit)}`;
    return rows.map(toEntry);
  }
}
