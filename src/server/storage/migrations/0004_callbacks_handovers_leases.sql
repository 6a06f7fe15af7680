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
