import type { Projector, StoredEvent, TransactionSql } from '@app/event-store';
import { AssignmentStates, type AssignmentStep, type ChangedAssignment } from './assignment-summary/assignment-states';

/** Writes its rows for a batch of events (the directive projections). */
export type EventsProjection = (tx: TransactionSql, events: readonly StoredEvent[]) => Promise<void>;
/** Writes a row per assignment event, from the state just after it (timeline, inbox). */
export type StepsProjection = (tx: TransactionSql, steps: readonly AssignmentStep[]) => Promise<void>;
/** Writes the rows of changed assignments, from their latest state (summary, agency status). */
export type ChangesProjection = (tx: TransactionSql, changed: readonly ChangedAssignment[]) => Promise<void>;

export interface Projections {
  events: EventsProjection[];
  steps: StepsProjection[];
  changes: ChangesProjection[];
}

export interface ProjectionSessionOptions {
  /**
   * Changed assignments held in memory before their rows are written; 0 writes them with every batch. A rebuild
   * holds many, so an assignment touched by many batches is written a few times instead of once per batch.
   */
  holdChanges?: number;
  /** States kept in memory across batches before they are dropped (and read back when needed). */
  keepStates?: number;
  /** The projection tables were truncated in this transaction: no assignment has a row this session did not write. */
  startsEmpty?: boolean;
}

/** Projects batches of events inside a transaction; `flush` writes what is held back, before the commit. */
export interface ProjectionSession {
  project(tx: TransactionSql, events: readonly StoredEvent[]): Promise<void>;
  flush(tx: TransactionSql): Promise<void>;
}

/** At most this many writes sent and not yet awaited (a few batches' worth): their rows wait in memory until sent. */
const MAX_PENDING_WRITES = 16;

export function projectionSession(projections: Projections, options: ProjectionSessionOptions = {}): ProjectionSession {
  const states = new AssignmentStates({ startsEmpty: options.startsEmpty });
  const holdChanges = options.holdChanges ?? 0;
  const keepStates = options.keepStates ?? 0;
  const writes = new PendingWrites();
  const writeChanged = async (tx: TransactionSql): Promise<void> => {
    const changed = states.takeChanged();
    if (changed.length > 0) await Promise.all(projections.changes.map((project) => project(tx, changed)));
  };
  // Writes are not awaited batch by batch: the next batch is evolved while PostgreSQL inserts the last one's rows.
  // Statements on a transaction run in the order sent, so a state read back later sees every row sent before it.
  return {
    async project(tx, events) {
      await Promise.all(projections.events.map((project) => project(tx, events)));
      const steps = await states.apply(tx, events);
      if (steps.length > 0) writes.add(...projections.steps.map((project) => project(tx, steps)));
      if (writes.count > MAX_PENDING_WRITES) await writes.settle();
      if (states.changedCount > holdChanges) {
        // Held-back rows (a rebuild's) are many: one round of them in flight at a time bounds what waits in memory.
        if (holdChanges > 0) await writes.settle();
        writes.add(writeChanged(tx));
        if (states.knownCount > keepStates) states.forget();
      }
    },
    async flush(tx) {
      writes.add(writeChanged(tx));
      await writes.settle();
      if (states.knownCount > keepStates) states.forget();
    },
  };
}

/** Writes sent and not yet awaited; the first failure is what `settle` throws (the transaction is lost anyway). */
class PendingWrites {
  private pending: Promise<void>[] = [];

  get count(): number {
    return this.pending.length;
  }

  add(...writes: Promise<void>[]): void {
    for (const write of writes) {
      write.catch(() => undefined); // awaited in settle(); not an unhandled rejection meanwhile
      this.pending.push(write);
    }
  }

  async settle(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
  }
}

/** The projector of live appends: every row written in the append's transaction. */
export function projectorOf(projections: Projections): Projector {
  return async (tx, events) => {
    const session = projectionSession(projections);
    await session.project(tx, events);
    await session.flush(tx);
  };
}
