-- Read models: projections of the events, updated in the append's transaction and rebuildable from events.
create table directive_summary (
  directive_id text primary key,
  title text,
  number text,
  issuer text,
  issued_on date,
  data jsonb not null,
  version integer not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
