-- The append-only event store. Every change in dondoc is a row here; everything else is a projection.
create table events (
  global_position bigserial primary key,
  -- Readers follow (transaction_id, global_position) and stop below the oldest running transaction, so an
  -- event committed late by a concurrent writer with a smaller position is never skipped.
  transaction_id xid8 not null default pg_current_xact_id(),
  event_id uuid not null unique,
  stream_id text not null,
  stream_version integer not null check (stream_version >= 1),
  type text not null,
  schema_version integer not null check (schema_version >= 1),
  data jsonb not null,
  metadata jsonb not null,
  occurred_at timestamptz not null,
  recorded_at timestamptz not null default now(),
  unique (stream_id, stream_version)
);
create index events_transaction_order on events (transaction_id, global_position);

create table streams (
  stream_id text primary key,
  version integer not null
);
