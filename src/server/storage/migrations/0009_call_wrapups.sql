-- Issue 19: the wrap-up an operator saves after a call (topic, rating, after-call time, articles, summary)
-- goes up through the same outbox as the call's events and is kept here, one row per call: a later save
-- replaces it. The call's figures are reduced again with it, so the server's dashboard has what the
-- workstation's has. Additive only.
create table call_wrapups (
  call_id text primary key references calls (id),
  organisation_id text not null references organisations (id),
  person_id uuid not null references people (id),
  -- When the operator saved it, on the workstation's clock: an older save arriving later is ignored.
  saved_at bigint not null,
  -- The wrap-up as sent (src/protocol/calls.ts callWrapUpSchema); the summary is erased with the call's
  -- personal data.
  payload jsonb not null,
  received_at timestamptz not null,
  updated_at timestamptz not null
);
