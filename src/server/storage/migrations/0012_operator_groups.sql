-- Groups of operators an administrator defines in the organisation («Первая линия», «Льготы»), issue 19:
-- supervisors filter the calls, the figures and the exports by group. A group is who is in it now: its
-- filter selects the calls its present members made, whenever they made them.
-- Additive only: later migrations add tables, columns and rows; they never drop or rename.
create table operator_groups (
  id uuid primary key,
  organisation_id text not null references organisations (id),
  name text not null check (length(name) between 1 and 100),
  -- The name lower-cased by the server (the database's lower() may not know Cyrillic): one name a group.
  name_key text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organisation_id, name_key)
);

create table operator_group_members (
  group_id uuid not null references operator_groups (id) on delete cascade,
  person_id uuid not null references people (id),
  organisation_id text not null references organisations (id),
  primary key (group_id, person_id)
);
create index operator_group_members_by_person on operator_group_members (person_id);
