-- Published call flows per organisation (issue 18). A version is immutable once written: the server
-- numbers it, records who published it and when it takes effect, and never deletes it (a call record
-- replays through the version it ran).
create table flow_versions (
  organisation_id text not null references organisations (id),
  flow_id text not null,
  version integer not null check (version >= 1),
  title text not null,
  definition jsonb not null,
  -- Null for the versions the build brought (seeded into a new organisation).
  author_person_id uuid references people (id),
  note text not null default '',
  published_at timestamptz not null default now(),
  effective_at timestamptz not null,
  primary key (organisation_id, flow_id, version)
);
create index flow_versions_in_force on flow_versions (organisation_id, flow_id, effective_at);
