import type { AssignmentEventType } from '@app/domain';
import type { Sql } from '@app/event-store';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { agencyCodes, isoOf, pageSize } from '../shared/sql';

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
  /** With `agency`: the joint groups it is a member of (`jointGroupsOf`), whose work it does: theirs is listed too. */
  agencyGroups?: readonly string[];
  /** Entries at or after this instant. */
  since?: string;
  /** 1–500, default 50. */
  limit?: number;
  /** nextCursor of the previous page: the entries older than its last. */
  after?: string;
}

export interface TimelinePage {
  items: TimelineEntry[];
  /** Absent on the last page. */
  nextCursor?: string;
}

const isPosition = (value: string): boolean => /^\d{1,19}$/.test(value);

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

  /** Newest first, a page at a time: `nextCursor` (absent on the last page) goes back as `after`. */
  async page(filter: TimelineFilter = {}): Promise<TimelinePage> {
    const limit = pageSize(filter.limit);
    const entries = await this.select(filter, limit + 1);
    const items = entries.slice(0, limit);
    const last = entries.length > limit ? items[items.length - 1] : undefined;
    return { items, ...(last && { nextCursor: encodeCursor('escalations', [last.occurredAt, last.globalPosition]) }) };
  }

  /** Newest first. */
  private async select(filter: TimelineFilter, limit: number): Promise<TimelineEntry[]> {
    const sql = this.sql;
    const none = sql``;
    const after = filter.after === undefined ? undefined : decodeCursor(filter.after, 'escalations', isPosition);
    const rows = await sql<TimelineRow[]>`
      select event_id, global_position::text, assignment_id, directive_id, agencies, type, level, occurred_at, actor, detail
      from escalation_timeline t
      where true
        ${filter.directiveId === undefined ? none : sql`and directive_id = ${filter.directiveId}`}
        ${filter.assignmentId === undefined ? none : sql`and assignment_id = ${filter.assignmentId}`}
        ${filter.agency === undefined ? none : sql`and agencies && ${agencyCodes(filter.agency, filter.agencyGroups)}::text[]`}
        ${filter.since === undefined ? none : sql`and occurred_at >= ${filter.since}::timestamptz`}
        ${after === undefined ? none : sql`and (t.occurred_at, t.global_position) < (${after[0]}::timestamptz, ${after[1]}::bigint)`}
      order by t.occurred_at desc, t.global_position desc -- qualified: the bare name is the ::text output column
      limit ${limit}`;
    return rows.map(toEntry);
  }
}
