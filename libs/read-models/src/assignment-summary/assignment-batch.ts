import { evolveAssignment, initialAssignmentState, type AssignmentEvent, type AssignmentState, type ExistingAssignment } from '@app/domain';
import type { StoredEvent, TransactionSql } from '@app/event-store';
import { assignmentEventOf } from '../shared/domain-events';

/** An assignment event of the batch and the assignment's state just after it. */
export interface AssignmentStep {
  readonly stored: StoredEvent;
  readonly event: AssignmentEvent;
  readonly state: ExistingAssignment;
}

/** An assignment the batch changed: its state after the batch, and what its summary row is written from. */
export interface ChangedAssignment {
  readonly state: ExistingAssignment;
  readonly version: number;
  /** The occurredAt of the first event the batch applied: the row's created_at if the batch creates it. */
  readonly firstAt: string;
  /** The last event the batch applied. */
  readonly last: StoredEvent;
}

export interface AssignmentBatch {
  /** In event order. An event already applied (a replay) keeps the stored state and changes nothing. */
  readonly steps: readonly AssignmentStep[];
  readonly changed: ReadonlyMap<string, ChangedAssignment>;
}

interface Current {
  state: AssignmentState;
  version: number;
}

/**
 * Applies a batch of events to the assignments' stored states in memory, with the domain's own evolve: one read
 * for the whole batch, so each projection then writes its rows with one statement.
 */
export async function evolveAssignmentBatch(tx: TransactionSql, events: readonly StoredEvent[]): Promise<AssignmentBatch> {
  const found = events.flatMap((stored) => {
    const event = assignmentEventOf(stored);
    return event ? [{ stored, ...event }] : [];
  });
  const steps: AssignmentStep[] = [];
  const changed = new Map<string, ChangedAssignment>();
  if (found.length === 0) return { steps, changed };
  const current = await loadStates(tx, [...new Set(found.map((f) => f.assignmentId))]);
  for (const { stored, assignmentId, event } of found) {
    let entry = current.get(assignmentId) ?? { state: initialAssignmentState, version: 0 };
    if (stored.streamVersion > entry.version) {
      const state = evolveAssignment(entry.state, event);
      if (state.exists) {
        entry = { state, version: stored.streamVersion };
        current.set(assignmentId, entry);
        const firstAt = changed.get(assignmentId)?.firstAt ?? stored.occurredAt;
        changed.set(assignmentId, { state, version: stored.streamVersion, firstAt, last: stored });
      }
    }
    if (entry.state.exists) steps.push({ stored, event, state: entry.state });
  }
  return { steps, changed };
}

async function loadStates(tx: TransactionSql, ids: string[]): Promise<Map<string, Current>> {
  const rows = await tx<{ assignment_id: string; state: ExistingAssignment; version: number }[]>`
    select assignment_id, state, version from assignment_summary where assignment_id = any(${ids}::text[])`;
  return new Map(rows.map((row) => [row.assignment_id, { state: row.state, version: row.version }]));
}
