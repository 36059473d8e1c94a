import { evolveAssignment, initialAssignmentState, type AssignmentEvent, type AssignmentState, type ExistingAssignment } from '@app/domain';
import type { StoredEvent, TransactionSql } from '@app/event-store';
import { assignmentEventOf } from '../shared/domain-events';

/** An assignment event and the assignment's state just after it. */
export interface AssignmentStep {
  readonly stored: StoredEvent;
  readonly event: AssignmentEvent;
  readonly state: ExistingAssignment;
}

/** An assignment whose new state is not written yet, and what its rows are written from. */
export interface ChangedAssignment {
  readonly state: ExistingAssignment;
  readonly version: number;
  /** The occurredAt of the first event applied since the last write: the row's created_at if it is new. */
  readonly firstAt: string;
  /** The last event applied. */
  readonly last: StoredEvent;
}

interface Known {
  state: AssignmentState;
  version: number;
}

/**
 * The assignments' states as projected: read from assignment_summary once, then evolved in memory with the
 * domain's own evolve, so a batch of events costs one read, and each projection one write, whatever its size.
 */
export class AssignmentStates {
  private readonly known = new Map<string, Known>();
  private readonly changed = new Map<string, ChangedAssignment>();
  /** With `startsEmpty`, the assignments whose rows this session wrote: the only ones worth reading back. */
  private readonly written?: Set<string>;

  /**
   * `startsEmpty`: the tables were truncated in this transaction (a rebuild), so an assignment this session has
   * not written has no row yet and its state is not read back: no read per batch while the tables fill.
   */
  constructor(options: { startsEmpty?: boolean } = {}) {
    if (options.startsEmpty) this.written = new Set();
  }

  /** Applies the batch's assignment events in order; an event already applied (a replay) changes nothing. */
  async apply(tx: TransactionSql, events: readonly StoredEvent[]): Promise<AssignmentStep[]> {
    const found = events.flatMap((stored) => {
      const event = assignmentEventOf(stored);
      return event ? [{ stored, ...event }] : [];
    });
    if (found.length === 0) return [];
    await this.load(tx, [...new Set(found.map((f) => f.assignmentId))]);
    const steps: AssignmentStep[] = [];
    for (const { stored, assignmentId, event } of found) {
      let entry = this.known.get(assignmentId) ?? { state: initialAssignmentState, version: 0 };
      if (stored.streamVersion > entry.version) {
        const state = evolveAssignment(entry.state, event);
        if (state.exists) {
          entry = { state, version: stored.streamVersion };
          this.known.set(assignmentId, entry);
          const firstAt = this.changed.get(assignmentId)?.firstAt ?? stored.occurredAt;
          this.changed.set(assignmentId, { state, version: stored.streamVersion, firstAt, last: stored });
        }
      }
      if (entry.state.exists) steps.push({ stored, event, state: entry.state });
    }
    return steps;
  }

  get changedCount(): number {
    return this.changed.size;
  }

  get knownCount(): number {
    return this.known.size;
  }

  /** The assignments changed since the last call; the caller writes their rows. */
  takeChanged(): ChangedAssignment[] {
    const changed = [...this.changed.values()];
    if (this.written) for (const id of this.changed.keys()) this.written.add(id);
    this.changed.clear();
    return changed;
  }

  /** Drops the states held in memory; only once their rows are sent, or they would be read back stale. */
  forget(): void {
    if (this.changed.size > 0) throw new Error('AssignmentStates.forget() with changes not yet written');
    this.known.clear();
  }

  private async load(tx: TransactionSql, ids: string[]): Promise<void> {
    const written = this.written;
    const missing = ids.filter((id) => !this.known.has(id) && (!written || written.has(id)));
    if (missing.length === 0) return;
    const rows = await tx<{ assignment_id: string; state: ExistingAssignment; version: number }[]>`
      select assignment_id, state, version from assignment_summary where assignment_id = any(${missing}::text[])`;
    for (const row of rows) this.known.set(row.assignment_id, { state: row.state, version: row.version });
  }
}
