import type { TransactionSql } from '@app/event-store';

/** Rows per statement: bounds the size of one parameter (PostgreSQL parses it whole as jsonb) without costing speed. */
const ROWS_PER_STATEMENT = 1000;

/** A column of a projection table and its SQL type, as jsonb_to_recordset reads it. */
export type Column = readonly [name: string, type: string];

/**
 * `insert into <table> (…) select … from jsonb_to_recordset($1::jsonb)`: a whole batch of rows in one statement and
 * one parameter, whatever their number (a multi-row VALUES list would hit the 65,535-parameter limit).
 */
export function insertFromRecordset(table: string, columns: readonly Column[]): string {
  const names = columns.map(([name]) => name).join(', ');
  const types = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  return `insert into ${table} (${names}) select ${names} from jsonb_to_recordset($1::jsonb) as x(${types})`;
}

/**
 * Runs the statement with the rows as its one jsonb parameter, 1,000 rows at a time; nothing is sent for no rows.
 * Every chunk is sent before any is awaited: they run in order, and a later statement on the transaction (a state
 * read back) sees all of them. Prepared: the statement text is constant, and unprepared it would be described
 * first, a round trip of its own.
 */
export async function writeRows(tx: TransactionSql, statement: string, rows: readonly object[]): Promise<void> {
  const chunks: Promise<unknown>[] = [];
  for (let index = 0; index < rows.length; index += ROWS_PER_STATEMENT) {
    chunks.push(tx.unsafe(statement, [rows.slice(index, index + ROWS_PER_STATEMENT) as never], { prepare: true }).execute());
  }
  await Promise.all(chunks);
}
