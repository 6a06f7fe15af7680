-- Calls uploaded by the workstations (issue 17): one row per call, and every event of it once.
-- Additive only: later migrations add tables, columns and rows; they never drop or rename.

-- The id is the workstation's (a UUID made offline); the operator who made the call owns it, and only
-- their sessions may add to it. next_seq counts the events held: they are always 0 … next_seq - 1.
create table calls (
  id text primary key check (length(id) between 1 and 100),
  organisation_id text not null references organisations (id),
  person_id uuid not null references people (id),
  flow_id text not null,
  flow_version integer not null,
  started_at timestamptz not null,
  next_seq integer not null default 0 check (next_seq >= 0),
  received_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index calls_by_organisation on calls (organisation_id, started_at);
create index calls_by_person on calls (person_id, started_at);

-- An event is keyed by its call and place in it: a retry or a replay finds it there and adds nothing.
create table call_events (
  call_id text not null references calls (id),
  seq integer not null check (seq >= 0),
  organisation_id text not null references organisations (id),
  at timestamptz not null,
  type text not null,
  -- The record entry as the workstation stored it (src/calls/record.ts).
  payload jsonb not null,
  received_at timestamptz not null default now(),
  primary key (call_id, seq)
);
create index call_events_by_organisation on call_events (organisation_id, at);
