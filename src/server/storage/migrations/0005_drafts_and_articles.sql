-- Editors publish to the whole centre (issue 18), second part. Drafts are per editor: each person's
-- working copy of a flow, saved as it is typed, with the version it started from (a publication checks
-- it). Knowledge-base versions are per organisation, immutable and numbered like flow versions: the
-- whole set of articles as the repository's files hold them, with who published it and why.
create table flow_drafts (
  organisation_id text not null references organisations (id),
  person_id uuid not null references people (id),
  flow_id text not null,
  draft jsonb not null,
  -- The version the draft started from; null for a new flow.
  base_version integer,
  saved_at timestamptz not null default now(),
  primary key (organisation_id, person_id, flow_id)
);

create table kb_versions (
  organisation_id text not null references organisations (id),
  version integer not null check (version >= 1),
  -- [{ file, text }]: each article exactly as its knowledge-base/ file, so export is the files again.
  articles jsonb not null,
  article_count integer not null,
  -- Null for the version the build brought (seeded into a new organisation).
  author_person_id uuid references people (id),
  note text not null default '',
  published_at timestamptz not null default now(),
  primary key (organisation_id, version)
);
