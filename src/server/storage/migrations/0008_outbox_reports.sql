-- Issue 20: each signed-in workstation says how its outbox stands when that changes, so a supervisor's
-- board counts the outboxes that have not moved for five minutes while the server answers. One row per
-- session (a device's sign-in); signing out removes it.
create table outbox_reports (
  session_token_hash text primary key references sessions (token_hash) on delete cascade,
  organisation_id text not null references organisations (id),
  person_id uuid not null references people (id),
  waiting_calls integer not null check (waiting_calls >= 0),
  waiting_events integer not null check (waiting_events >= 0),
  oldest_at timestamptz,
  stuck_since timestamptz,
  reported_at timestamptz not null
);

create index outbox_reports_stuck on outbox_reports (organisation_id) where stuck_since is not null;
