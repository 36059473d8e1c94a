import postgres, { type Sql } from 'postgres';

export interface ConnectOptions {
  max?: number;
  /**
   * Longest wait for a lock, and longest statement, on these connections, in ms. The worker sets them below its
   * activities' 30 s: an append waiting behind a long lock (a projection rebuild) fails and is retried later, instead
   * of holding its connection while the retry that replaced it takes another, until the pool is full.
   */
  lockTimeoutMs?: number;
  statementTimeoutMs?: number;
}

/** One pool per process; the `postgres` client is the only way dondoc talks to PostgreSQL. */
export function connect(url: string, options: ConnectOptions = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    // bigint columns (positions) arrive as strings; keep them exact.
    types: {},
    connection: {
      application_name: 'dondoc',
      ...(options.lockTimeoutMs && { lock_timeout: options.lockTimeoutMs }),
      ...(options.statementTimeoutMs && { statement_timeout: options.statementTimeoutMs }),
    },
  });
}

export type { Sql, TransactionSql } from 'postgres';
