import type postgres from 'postgres';

/** A connection pool or a transaction: anything that runs tagged-template queries. */
export type Db = postgres.ISql;

export const jsonb = (db: Db, value: unknown): postgres.Parameter => db.json(value as postgres.JSONValue);

/** timestamptz columns arrive as Date; read models hand out canonical ISO instants. */
export const isoOf = (value: Date | string): string => new Date(value).toISOString();

export const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : isoOf(value));

/** The agency codes a read for one agency matches: its own and those of the joint groups it is a member of. */
export const agencyCodes = (agency: string, agencyGroups: readonly string[] = []): string[] => [agency, ...agencyGroups];

/** Page sizes: at least 1, at most 500, 50 when not given. */
export const pageSize = (limit: number | undefined, fallback = 50): number => Math.min(500, Math.max(1, Math.trunc(limit ?? fallback)));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** What PostgreSQL casts to uuid: an id that is not one names no row (instead of failing the query). */
export const isUuid = (id: string): boolean => UUID.test(id);
