-- The centre's shared work (issue 17): the callbacks queue, filed by the server from a call's uploaded
-- events and claimed by one operator at a time.
-- Additive only: later migrations add tables, columns and rows; they never drop or rename.

-- The id is the workstation's task id (`<callId>:callback`), so a call's callback is filed once however
-- often its events arrive. A claim is a holder and a time it lapses: a holder who goes away without
-- calling frees it by doing nothing.
create table callbacks (
  id text primary key check (length(id) between 1 and 200),
  organisation_id text not null references organisations (id),
  call_id text not null references calls (id),
  promised_by uuid not null references people (id),
  phone text not null,
  question text not null,
  caller_name text,
  appeal_number text,
  deadline timestamptz not null,
  outside_hours boolean not null default false,
  promised_at timestamptz not null,
  claimed_by uuid references people (id),
  claimed_until timestamptz,
  done_at timestamptz,
  done_by uuid references people (id),
  -- The call that kept the promise (made from the queue).
  done_call_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index callbacks_open on callbacks (organisation_id, deadline) where done_at is null;

-- Transfers that carry the call: a transfer to a colleague who uses Sufler files a handover (from the
-- call's uploaded events) that only the colleague may read and accept. The client call spanning desks is
-- one chain: the first call's id, on every call of it.
alter table calls add column chain_id text;
create index calls_by_chain on calls (chain_id) where chain_id is not null;

create table handovers (
  id text primary key check (length(id) between 1 and 200),
  organisation_id text not null references organisations (id),
  from_call_id text not null references calls (id),
  from_person_id uuid not null references people (id),
  recipient_person_id uuid not null references people (id),
  chain_id text not null,
  transfers integer not null check (transfers between 1 and 2),
  -- The caller's card, the need, the notes, as the handover carries them (src/calls/handover.ts).
  content jsonb not null,
  offered_at timestamptz not null,
  accepted_at timestamptz,
  accepted_call_id text,
  created_at timestamptz not null default now()
);
create index handovers_offered on handovers (recipient_person_id, offered_at) where accepted_at is null;

-- One active call per operator across devices: a lease per operator held by one device, with a fencing
-- number that grows at every take-over. A batch that names an older lease is refused in the transaction
-- that would store it, and its events are kept aside here, so nothing a device recorded is lost.
create table operator_leases (
  person_id uuid primary key references people (id),
  organisation_id text not null references organisations (id),
  device_id text not null check (length(device_id) between 1 and 100),
  epoch bigint not null check (epoch >= 1),
  acquired_at timestamptz not null
);

create table fenced_call_events (
  id bigint generated always as identity primary key,
  organisation_id text not null references organisations (id),
  person_id uuid not null references people (id),
  device_id text not null,
  epoch bigint not null,
  call_id text not null,
  seq integer not null,
  payload jsonb not null,
  received_at timestamptz not null default now()
);
create index fenced_call_events_by_person on fenced_call_events (person_id, received_at);
