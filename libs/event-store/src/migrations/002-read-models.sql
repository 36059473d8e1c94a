-- Read models: projections of the events, updated in the append's transaction and rebuilt from the events by
-- `npm run rebuild-projections` (which truncates exactly the projection tables: directive_summary,
-- assignment_summary, agency_status, escalation_timeline, notifications). Times are the events' occurredAt.

create table directive_summary (
  directive_id text primary key,
  title text not null,
  number text,
  issuing_body text,
  issued_on date,
  monitoring_agency text not null,
  assignment_count integer not null,
  withdrawn boolean not null default false,
  withdrawn_at timestamptz,
  withdrawal_reason text,
  report_count integer not null default 0,
  -- { periodEnd, counts, at } of the last CompiledReportProduced
  last_report jsonb,
  -- the directive's domain state (evolveDirective), so each event is applied by the domain itself
  state jsonb not null,
  version integer not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index directive_summary_created on directive_summary (created_at desc, directive_id);

create table assignment_summary (
  assignment_id text primary key,
  directive_id text not null,
  parent_id text,
  kind text not null,
  stage text not null,
  -- the status when the last event was applied; readers compute the status at their own instant
  status text not null,
  lead_agency text,
  agencies jsonb not null,
  -- every agency named on the assignment, for the agency filter
  agency_codes text[] not null,
  -- the deadline in force (= adjusted_due_at)
  due_at timestamptz not null,
  original_due_at timestamptz not null,
  adjusted_due_at timestamptz not null,
  paused boolean not null,
  verdict text,
  overdue_level smallint not null,
  closed_at timestamptz,
  summary jsonb not null,
  -- the assignment's domain state (evolve), so each event is applied by the domain itself
  state jsonb not null,
  version integer not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index assignment_summary_due on assignment_summary (due_at, assignment_id);
create index assignment_summary_directive on assignment_summary (directive_id, due_at, assignment_id);
create index assignment_summary_agencies on assignment_summary using gin (agency_codes);
create index assignment_summary_parent on assignment_summary (parent_id) where parent_id is not null;
create index assignment_summary_open_due on assignment_summary (due_at) where status not in ('doneOnTime', 'doneLate', 'withdrawn');

-- One row per agency named on a single assignment or a track (never an eachOf parent: its tracks count).
create table agency_status (
  assignment_id text not null,
  agency text not null,
  directive_id text not null,
  role text not null,
  status text not null,
  due_at timestamptz not null,
  paused boolean not null,
  closed boolean not null,
  updated_at timestamptz not null,
  primary key (assignment_id, agency)
);
create index agency_status_directive on agency_status (directive_id, agency);
create index agency_status_agency on agency_status (agency);

create table escalation_timeline (
  event_id uuid primary key,
  global_position bigint not null,
  assignment_id text not null,
  directive_id text not null,
  agencies text[] not null,
  type text not null,
  level smallint,
  occurred_at timestamptz not null,
  actor jsonb not null,
  detail jsonb not null
);
create index escalation_timeline_recent on escalation_timeline (occurred_at desc, global_position desc);
create index escalation_timeline_directive on escalation_timeline (directive_id, occurred_at desc);
create index escalation_timeline_agencies on escalation_timeline using gin (agencies);

-- The agencies' inbox: one row per (timer event, target agency).
create table notifications (
  notification_id uuid primary key,
  event_id uuid not null,
  global_position bigint not null,
  agency text not null,
  assignment_id text not null,
  directive_id text not null,
  kind text not null,
  level smallint,
  message text not null,
  created_at timestamptz not null
);
create index notifications_inbox on notifications (agency, created_at desc, notification_id desc);
create index notifications_event on notifications (event_id);

-- Delivery is not a projection (it is not in the events): kept apart so a rebuild keeps it and never redelivers.
create table notification_deliveries (
  notification_id uuid primary key,
  delivered_at timestamptz,
  delivery_attempts integer not null default 0,
  last_error text,
  updated_at timestamptz not null default now()
);

-- Configuration, set by admins.
create table agency_webhooks (
  agency text primary key,
  url text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
