-- Calls whose end is stored but whose figures are not kept yet (issue 20's load). An upload that ends a
-- call in the grouped append (callEvents.ts) files it here in the statement that stores the end, and the
-- figures are kept, for every call ended at that moment, in one short transaction before the upload is
-- answered (callFigures.ts: keepPendingFigures). A server stopped between the two leaves the row, and the
-- call's figures are kept at the next start or the organisation's next settling: never lost, never twice.
-- Additive only: later migrations add tables, columns and rows; they never drop or rename.
create table call_figures_pending (
  call_id text primary key references calls (id) on delete cascade,
  organisation_id text not null references organisations (id)
);
create index call_figures_pending_by_organisation on call_figures_pending (organisation_id, call_id);
