-- The supervisor over the whole centre (issue 19): each completed call's figures, reduced once from its
-- log by src/analytics and kept as columns the period figures and the list filter on; the supervisors'
-- comments on calls; the organisation's personal-data retention and the record of every erasure.
-- Additive only: later migrations add tables, columns and rows; they never drop or rename.

-- One row per call whose log reached its end, written in the transaction that stored that end. `broken`
-- holds the rules the call broke whatever the time; an open callback's lateness is worked out at reading.
create table call_figures (
  call_id text primary key references calls (id),
  organisation_id text not null references organisations (id),
  person_id uuid not null references people (id),
  operator_name text not null,
  flow_id text not null,
  flow_version integer not null,
  direction text not null,
  started_at timestamptz not null,
  ended_at timestamptz,
  handle_ms bigint,
  after_call_ms bigint,
  outcome text,
  -- resultOf(facts): an outcome, 'transferred' or 'none'.
  result text not null,
  resolved_first boolean not null,
  -- Transfers counted against the cap (before this operator and own): 'zero', 'one' or 'two'.
  transfers_counted text not null,
  own_transfers integer not null,
  refused_transfers integer not null,
  holds integer not null,
  holds_over integer not null,
  overtime_ms bigint not null,
  callback_deadline timestamptz,
  callback_done_at timestamptz,
  satisfaction smallint,
  broken text[] not null,
  -- Time per stage bucket of an ended call, in ms ({} for a call with no end).
  stage_ms jsonb not null,
  topic text,
  need text,
  articles text[] not null,
  caller_name text,
  -- The name lower-cased as the workstation's search does it (the database's lower() may not know Cyrillic).
  caller_name_key text,
  caller_phone text,
  -- The whole CallFacts, for the record view and coaching.
  facts jsonb not null,
  reduced_at timestamptz not null default now(),
  erased_at timestamptz
);
create index call_figures_by_organisation on call_figures (organisation_id, started_at desc, call_id desc);
create index call_figures_by_person on call_figures (person_id, started_at desc, call_id desc);
create index call_figures_by_operator on call_figures (organisation_id, operator_name, started_at desc);

-- A supervisor's comment on a call: its operator reads it in their history.
create table call_comments (
  id uuid primary key,
  call_id text not null references calls (id),
  organisation_id text not null references organisations (id),
  author_person_id uuid not null references people (id),
  body text not null check (length(body) between 1 and 2000),
  created_at timestamptz not null default now()
);
create index call_comments_by_call on call_comments (call_id, created_at);

-- Days a call's personal data (names, phones, free text) is kept; null keeps it.
alter table organisations add column retention_days integer check (retention_days between 1 and 3650);

-- Every erasure the retention made: which call, when, and how many events it rewrote.
create table personal_data_erasures (
  id uuid primary key,
  organisation_id text not null references organisations (id),
  call_id text not null references calls (id),
  events integer not null,
  erased_at timestamptz not null default now()
);
create index personal_data_erasures_by_organisation on personal_data_erasures (organisation_id, erased_at);
