-- Editors' drafts of knowledge-base articles (issue 18), as flows' drafts are (0005): each person's working
-- copy of an article, saved as it is typed (errors and all), with the digest of the published text it
-- started from (src/kb/overlay.ts articleHash; null for a new article), which publishing checks.
create table article_drafts (
  organisation_id text not null references organisations (id),
  person_id uuid not null references people (id),
  article_id text not null,
  draft jsonb not null,
  base text,
  saved_at timestamptz not null default now(),
  primary key (organisation_id, person_id, article_id)
);
