import type { Projector, StoredEvent, TransactionSql } from '@app/event-store';
import type { AssignmentBatch } from './assignment-summary/assignment-batch';
import { evolveAssignmentBatch } from './assignment-summary/assignment-batch';

export type DirectiveProjection = (tx: TransactionSql, events: readonly StoredEvent[]) => Promise<void>;
export type AssignmentProjection = (tx: TransactionSql, batch: AssignmentBatch) => Promise<void>;

/**
 * Projects a batch of events inside the append's transaction: the directive projections, then the assignments'
 * states evolved once in memory for the whole batch, from which each assignment projection writes its rows with
 * one statement. The writes are sent together (pipelined on the transaction's connection).
 */
export function projectorOf(directiveProjections: DirectiveProjection[], assignmentProjections: AssignmentProjection[]): Projector {
  return async (tx, events) => {
    await Promise.all(directiveProjections.map((project) => project(tx, events)));
    const batch = await evolveAssignmentBatch(tx, events);
    if (batch.steps.length === 0) return;
    await Promise.all(assignmentProjections.map((project) => project(tx, batch)));
  };
}
