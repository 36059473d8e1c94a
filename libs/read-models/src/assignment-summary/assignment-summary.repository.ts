import type { AssignmentStage, AssignmentStatus, AssignmentSummary, ExistingAssignment } from '@app/domain';
import type { Sql } from '@app/event-store';
import type postgres from 'postgres';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { effectiveStatus } from '../shared/effective-status';
import { agencyCodes, isoOf, pageSize } from '../shared/sql';
import { dayOffMarks, withDayOffMarks, type DayOffMarks } from './day-off-marks';

/** The domain's summary with `status` as of the reader's `now`, plus the stream version, projection times and day-off marks. */
export interface AssignmentSummaryView extends AssignmentSummary, DayOffMarks {
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface AssignmentListFilter {
  directiveId?: string;
  /** Any agency named on the assignment: lead, coordinator, an eachOf parent's agency, a track's agency. */
  agency?: string;
  /** With `agency`: the joint groups it is a member of (`jointGroupsOf`), whose work it does: theirs is listed too. */
  agencyGroups?: readonly string[];
  parentId?: string;
  /** true: no tracks (the directive's own assignments, "each of" parents included). */
  topLevel?: boolean;
  stage?: AssignmentStage;
  /** The status at `now`. */
  status?: AssignmentStatus;
  /** true: in progress and overdue at `now`; false: anything else. */
  overdue?: boolean;
  /** true: an extension request awaits the supervisor's decision (listed for one agency: on its own part); false: none. */
  pendingExtension?: boolean;
  /**
   * true: awaiting the Office's decision: a proposal to review, a report to confirm or an extension request (listed
   * for one agency: on its own part); false: none of these.
   */
  awaitingDecision?: boolean;
  /** Deadline in force strictly before this instant. */
  dueBefore?: string;
  /** 1–500, default 50. */
  limit?: number;
  /** nextCursor of the previous page. */
  cursor?: string;
  /** The instant statuses are computed at (ISO-8601). */
  now: string;
}

export interface AssignmentPage {
  items: AssignmentSummaryView[];
  /** Absent on the last page. */
  nextCursor?: string;
}

interface SummaryRow {
  summary: AssignmentSummary;
  effective_status: AssignmentStatus;
  version: number;
  created_at: Date;
  updated_at: Date;
  /** Listed for one agency: its own track's summary, for an "each of" parent whose track has started. */
  own_summary?: AssignmentSummary | null;
}

/**
 * The fields of an agency's own track that stand for an "each of" parent when the agency looks at it: where its
 * work stands (stage, verdict, closing) and its clock (status, deadlines original, adjusted and in force, pause and
 * the time paused, pending request, level, milestones).
 */
export type OwnClock = Pick<
  AssignmentSummary,
  'stage' | 'status' | 'verdict' | 'closedAt' | 'dueAt' | 'originalDueAt' | 'adjustedDueAt' | 'paused' | 'pausedMsTotal' | 'pendingExtensionDueAt' | 'overdueLevel' | 'stageDeadlines'
>;

/**
 * An "each of" parent as one of its agencies sees it: the whole's text, agencies and tracks, its own track's stage
 * and clock. The whole's would show a district that has proposed, or finished, as still at the whole's stage, and
 * its on-time work as overdue while another district is late.
 */
export function withOwnClock<T extends OwnClock>(parent: T, track: OwnClock): T {
  const { stage, status, verdict, closedAt, dueAt, originalDueAt, adjustedDueAt, paused, pausedMsTotal, pendingExtensionDueAt, overdueLevel, stageDeadlines } = track;
  const own = { stage, status, verdict, closedAt, dueAt, originalDueAt, adjustedDueAt, paused, pausedMsTotal, pendingExtensionDueAt, overdueLevel };
  return { ...parent, ...own, ...(stageDeadlines && { stageDeadlines }) };
}

const toView = (row: SummaryRow): AssignmentSummaryView => {
  const view: Omit<AssignmentSummaryView, keyof DayOffMarks> = {
    ...row.summary,
    // Rows projected before the summary carried it, from creations that did not record it: within competence.
    centralCompetence: row.summary.centralCompetence === true,
    status: row.effective_status,
    version: row.version,
    createdAt: isoOf(row.created_at),
    updatedAt: isoOf(row.updated_at),
  };
  const shown = row.own_summary ? withOwnClock(view, { ...row.own_summary, status: row.effective_status }) : view;
  // Built here and not shared: given its marks in place rather than copied once more (a list builds hundreds).
  return Object.assign(shown, dayOffMarks(shown));
};

export class AssignmentSummaryRepository {
  constructor(private readonly sql: Sql) {}

  async find(assignmentId: string, now: string = new Date().toISOString()): Promise<AssignmentSummaryView | undefined> {
    const rows = await this.sql<SummaryRow[]>`
      select summary, ${effectiveStatus(this.sql, now)} as effective_status, version, created_at, updated_at
      from assignment_summary where assignment_id = ${assignmentId}`;
    return rows[0] && toView(rows[0]);
  }

  /** The full domain state (research notes, proposal, extensions…) for a detail view. */
  async findState(assignmentId: string): Promise<{ state: ExistingAssignment; version: number } | undefined> {
    const rows = await this.sql<{ state: ExistingAssignment; version: number }[]>`
      select state, version from assignment_summary where assignment_id = ${assignmentId}`;
    return rows[0];
  }

  /**
   * Ordered by (deadline in force, id), keyset-paginated: pages stay stable while rows are added. Listed for one
   * agency, an "each of" parent stands at that agency's own track's stage and clock (`withOwnClock`): its stage,
   * status, deadline in force, pause and level, and the list orders and filters it by them.
   */
  async list(filter: AssignmentListFilter): Promise<AssignmentPage> {
    const limit = pageSize(filter.limit);
    const sql = this.sql;
    const forAgency = filter.agency !== undefined;
    const rows = await sql<(SummaryRow & { due_at: Date; assignment_id: string })[]>`
      select summary, ${this.statusOf(filter)} as effective_status, version, created_at, updated_at,
        ${this.dueOf(filter)} as due_at, assignment_id ${forAgency ? sql`, own_summary` : sql``}
      from assignment_summary ${forAgency ? this.ownTrack(agencyCodes(filter.agency ?? '', filter.agencyGroups), filter.now) : sql``}
      where true ${this.conditions(filter)}
      order by ${this.dueOf(filter)}, assignment_id
      limit ${limit + 1}`;
    const items = rows.slice(0, limit);
    const last = rows.length > limit ? items[items.length - 1] : undefined;
    return { items: items.map(toView), ...(last && { nextCursor: encodeCursor('assignments', [isoOf(last.due_at), last.assignment_id]) }) };
  }

  /**
   * The assignment as `find` gives it, if `agency` may see it: one naming it or one of `agencyGroups` (the joint
   * groups it is a member of), or an eachOf parent one of whose tracks is theirs. Undefined for an assignment that
   * does not exist or that it may not see (one query).
   */
  async findVisibleTo(assignmentId: string, agency: string, now: string = new Date().toISOString(), agencyGroups: readonly string[] = []): Promise<AssignmentSummaryView | undefined> {
    const rows = await this.sql<SummaryRow[]>`
      select summary, ${effectiveStatus(this.sql, now)} as effective_status, version, created_at, updated_at
      from assignment_summary a
      where a.assignment_id = ${assignmentId}
        and (a.agency_codes && ${agencyCodes(agency, agencyGroups)}::text[]
          or exists (select 1 from assignment_summary t where t.parent_id = a.assignment_id and ${agency} = any(t.agency_codes)))`;
    return rows[0] && toView(rows[0]);
  }

  /**
   * An "each of" parent with each track's pending extension request (or null) beside its roll-up: a track asks its
   * own supervisor decision, which the parent's roll-up does not carry. Other assignments as they are.
   */
  async withTrackExtensions<T extends AssignmentSummaryView>(parent: T): Promise<T> {
    if (parent.kind !== 'eachOf' || !parent.tracks) return parent;
    const rows = await this.sql<{ agency: string; due: string }[]>`
      select agency_codes[1] as agency, summary->>'pendingExtensionDueAt' as due from assignment_summary
      where parent_id = ${parent.id} and summary->>'pendingExtensionDueAt' is not null`;
    const pending = new Map(rows.map((row) => [row.agency, row.due]));
    const tracks = parent.tracks.tracks.map((track) => withDayOffMarks({ ...track, pendingExtensionDueAt: pending.get(track.agency) ?? null }));
    return { ...parent, tracks: { ...parent.tracks, tracks } };
  }

  /** Of these assignment ids, one another directive already holds, with that directive; undefined when none is taken. */
  async takenByAnotherDirective(assignmentIds: readonly string[], directiveId: string): Promise<{ assignmentId: string; directiveId: string } | undefined> {
    if (assignmentIds.length === 0) return undefined;
    const rows = await this.sql<{ assignment_id: string; directive_id: string }[]>`
      select assignment_id, directive_id from assignment_summary
      where assignment_id = any(${[...assignmentIds]}::text[]) and directive_id <> ${directiveId}
      order by assignment_id limit 1`;
    return rows[0] && { assignmentId: rows[0].assignment_id, directiveId: rows[0].directive_id };
  }

  /**
   * An "each of" parent's track for this agency, or else its joint group's (own_*), joined to each row of an agency's
   * list; nulls for others.
   */
  private ownTrack(agencies: readonly string[], now: string): postgres.Fragment {
    const sql = this.sql;
    return sql`left join lateral (
        select t.summary as own_summary, t.due_at as own_due_at, t.stage as own_stage, ${effectiveStatus(sql, now)} as own_status
        from assignment_summary t
        where assignment_summary.kind = 'eachOf' and t.parent_id = assignment_summary.assignment_id
          and t.agency_codes && ${agencies}::text[]
        order by array_position(${agencies}::text[], t.agency_codes[1]) -- its own before its group's
        limit 1) own on true`;
  }

  /** The status at `now`: listed for one agency, an "each of" parent's is its track's (as the status matrix counts it). */
  private statusOf(f: AssignmentListFilter): postgres.Fragment {
    const status = effectiveStatus(this.sql, f.now);
    return f.agency === undefined ? status : this.sql`coalesce(own_status, ${status})`;
  }

  /** The stage: listed for one agency, an "each of" parent's is its track's (as the row shows it). */
  private stageOf(f: AssignmentListFilter): postgres.Fragment {
    return f.agency === undefined ? this.sql`stage` : this.sql`coalesce(own_stage, stage)`;
  }

  /** The deadline in force the list orders by: listed for one agency, an "each of" parent's is its track's. */
  private dueOf(f: AssignmentListFilter): postgres.Fragment {
    return f.agency === undefined ? this.sql`due_at` : this.sql`coalesce(own_due_at, due_at)`;
  }

  private statusFilter(f: AssignmentListFilter): postgres.Fragment {
    const sql = this.sql;
    const status = this.statusOf(f);
    // Without an agency, the overdue list takes the form the partial index on open assignments' due dates serves.
    const overdue = f.agency === undefined ? overdueAt(sql, f.now) : sql`and ${status} = 'inProgressOverdue'`;
    return sql`
      ${f.status === undefined ? sql`` : sql`and ${status} = ${f.status}`}
      ${f.overdue === undefined ? sql`` : f.overdue ? overdue : sql`and ${status} <> 'inProgressOverdue'`}`;
  }

  /**
   * The Office's queues. Said as the partial index of the queue is defined (or implying it), so that it serves them.
   * Listed for one agency, a parent stands for that agency's track; listed without tracks, for any of its tracks.
   */
  private queueFilter(f: AssignmentListFilter, wanted: boolean, awaits: (summary: postgres.Fragment, stage: postgres.Fragment) => postgres.Fragment): postgres.Fragment {
    const sql = this.sql;
    const own =
      f.agency !== undefined ? awaits(sql`coalesce(own_summary, summary)`, this.stageOf(f)) : awaits(sql`summary`, sql`stage`);
    const either = f.agency === undefined && f.topLevel
      ? sql`(${own} or (kind = 'eachOf' and exists (select 1 from assignment_summary t where t.parent_id = assignment_summary.assignment_id and ${awaits(sql`t.summary`, sql`t.stage`)})))`
      : own;
    return wanted ? sql`and ${either}` : sql`and not ${either}`;
  }

  private pendingExtensionFilter(f: AssignmentListFilter, pending: boolean): postgres.Fragment {
    return this.queueFilter(f, pending, (summary) => this.sql`${summary}->>'pendingExtensionDueAt' is not null`);
  }

  private awaitingDecisionFilter(f: AssignmentListFilter, awaiting: boolean): postgres.Fragment {
    return this.queueFilter(f, awaiting, (summary, stage) => this.sql`(${stage} in ('proposed', 'reported') or ${summary}->>'pendingExtensionDueAt' is not null)`);
  }

  private conditions(f: AssignmentListFilter): postgres.Fragment {
    const sql = this.sql;
    const none = sql``;
    const cursor = f.cursor === undefined ? undefined : decodeCursor(f.cursor, 'assignments');
    return sql`
      ${f.directiveId === undefined ? none : sql`and directive_id = ${f.directiveId}`}
      ${f.agency === undefined ? none : sql`and agency_codes && ${agencyCodes(f.agency, f.agencyGroups)}::text[]`}
      ${f.parentId === undefined ? none : sql`and parent_id = ${f.parentId}`}
      ${f.topLevel ? sql`and parent_id is null` : none}
      ${f.stage === undefined ? none : sql`and ${this.stageOf(f)} = ${f.stage}`}
      ${this.statusFilter(f)}
      ${f.pendingExtension === undefined ? none : this.pendingExtensionFilter(f, f.pendingExtension)}
      ${f.awaitingDecision === undefined ? none : this.awaitingDecisionFilter(f, f.awaitingDecision)}
      ${f.dueBefore === undefined ? none : sql`and ${this.dueOf(f)} < ${f.dueBefore}::timestamptz`}
      ${cursor === undefined ? none : sql`and (${this.dueOf(f)}, assignment_id) > (${cursor[0]}::timestamptz, ${cursor[1]})`}`;
  }
}

/**
 * The same as effective status = 'inProgressOverdue', written so that the partial index on open assignments'
 * due dates serves the overdue list (a case expression per row would scan the whole table).
 */
function overdueAt(sql: Sql, now: string): postgres.Fragment {
  return sql`and status not in ('doneOnTime', 'doneLate', 'withdrawn')
    and ((not paused and due_at < ${now}::timestamptz) or (paused and status = 'inProgressOverdue'))`;
}
