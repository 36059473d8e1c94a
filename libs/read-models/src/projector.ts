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
}

/** Projects batches of events inside a transaction; `flush` writes what is held back, before the commit. */
export interface ProjectionSession {
  project(tx: TransactionSql, events: readonly StoredEvent[]): Promise<void>;
  flush(tx: TransactionSql): Promise<void>;
}

export function projectionSession(projections: Projections, options: ProjectionSessionOptions = {}): ProjectionSession {
  const states = new AssignmentStates();
  const holdChanges = options.holdChanges ?? 0;
  const keepStates = options.keepStates ?? 0;
  // The writes of one stage are sent together: pipelined on the transaction's connection.
  const flush = async (tx: TransactionSql): Promise<void> => {
    const changed = states.takeChanged();
    if (changed.length > 0) await Promise.all(projections.changes.map((project) => project(tx, changed)));
    if (states.knownCount > keepStates) states.forget();
  };
  return {
    async project(tx, events) {
      await Promise.all(projections.events.map((project) => project(tx, events)));
      const steps = await states.apply(tx, events);
      if (steps.length > 0) await Promise.all(projections.steps.map((project) => project(tx, steps)));
      if (states.changedCount > holdChanges) await flush(tx);
    },
    flush,
  };
}

/** The projector of live appends: every row written in the append's transaction. */
export function projectorOf(projections: Projections): Projector {
  return async (tx, events) => {
    const session = projectionSession(projections);
    await session.project(tx, events);
    await session.flush(tx);
  };
}
