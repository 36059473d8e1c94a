-- The API's own state: bearer tokens (only their SHA-256 hashes) and idempotency keys of write requests.
create table api_tokens (
  id uuid primary key,
  role text not null check (role in ('admin', 'supervisor', 'agency', 'viewer')),
  agency text,
  label text,
  token_hash text not null unique,
  -- The admin token of DONDOC_ADMIN_TOKEN: upserted at every boot and never revocable through the API.
  bootstrap boolean not null default false,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  check ((role = 'agency') = (agency is not null))
);

-- One row per (token, key): the request it was first used for and, once that succeeded, its response.
create table idempotency_keys (
  token_id uuid not null references api_tokens (id),
  key text not null,
  request_hash text not null,
  response jsonb,
  created_at timestamptz not null default now(),
  primary key (token_id, key)
);
