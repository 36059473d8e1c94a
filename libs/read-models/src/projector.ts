import type { Projector, StoredEvent, TransactionSql } from '@app/event-store';

export type Projection = (tx: TransactionSql, event: StoredEvent) => Promise<void>;

/** Applies each projection to each event, in order, inside the append's transaction. */
export function projectorOf(projections: Projection[]): Projector {
  return async (tx, events) => {
    for (const event of events) for (const project of projections) await project(tx, event);
  };
}
