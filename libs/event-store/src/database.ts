import postgres, { type Sql } from 'postgres';

/** One pool per process; the `postgres` client is the only way dondoc talks to PostgreSQL. */
export function connect(url: string, options: { max?: number } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    // bigint columns (positions) arrive as strings; keep them exact.
    types: {},
    connection: { application_name: 'dondoc' },
  });
}

export type { Sql, TransactionSql } from 'postgres';
