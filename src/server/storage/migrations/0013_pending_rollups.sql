-- Calls whose figures are kept but not yet added to the rollups (issue 20's load). The upload that keeps a
-- call's figures files it here, a row of its own, instead of adding to the rollups' rows, which every
-- operator of the organisation shares: with those rows held from the reduction to the commit, uploads
-- that end calls waited for each other. The pending calls are added in one short transaction soon after,
-- and before the rollups are read, so a dashboard never misses a call.
-- Additive only: later migrations add tables, columns and rows; they never drop or rename.
create table call_rollups_pending (
  call_id text primary key references call_figures (call_id) on delete cascade,
  organisation_id text not null references organisations (id)
);
create index call_rollups_pending_by_organisation on call_rollups_pending (organisation_id, call_id);
