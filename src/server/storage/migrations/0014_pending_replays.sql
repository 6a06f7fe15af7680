-- Calls whose replay is pending (issue 20's load): what the server reads from a call's replay (its figures
-- when its end is stored, the callback it promised, the handover its transfer makes) for uploads stored by
-- the grouped append (callEvents.ts), which files the call here in the statement that stores its events.
-- The replays of every call filed at that moment are then read and kept in one short transaction before
-- the uploads are answered (pendingReplays.ts). A server stopped between the two leaves the row, and the
-- next start or the organisation's next settling keeps what it names: never lost, never twice.
-- Additive only: later migrations add tables, columns and rows; they never drop or rename.
create table call_replays_pending (
  call_id text primary key references calls (id) on delete cascade,
  organisation_id text not null references organisations (id),
  figures boolean not null default false,
  callback boolean not null default false,
  handover boolean not null default false
);
create index call_replays_pending_by_organisation on call_replays_pending (organisation_id, call_id);
