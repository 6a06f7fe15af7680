-- Organisations (tenants), people, their roles, sessions, sign-in attempts and the audit log.
-- Additive only from here on: later migrations add tables, columns and rows; they never drop or rename.

-- The id is the organisation's stable slug, the same id a call record carries (src/calls/organisation.ts).
create table organisations (
  id text primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  full_name text not null,
  short_name text not null,
  time_zone text not null,
  -- The organisation's whole profile as the app uses it: contacts, working hours, transfer directory.
  profile jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- A role is a row, not a check constraint, so a new role is an insert, never an altered constraint.
create table roles (
  id text primary key
);
insert into roles (id) values ('operator'), ('supervisor'), ('editor'), ('administrator');

-- Ids are UUIDs made by the server (or, for calls later, by the workstation), so rows can be created
-- offline and merged without a sequence.
create table people (
  id uuid primary key,
  organisation_id text not null references organisations (id),
  -- The login as the administrator typed it, and its folded form that sign-in looks up (one per server).
  login text not null,
  login_key text not null unique,
  surname text not null,
  first_name text not null,
  patronymic text not null default '',
  position text not null default '',
  department text not null default '',
  password_hash text not null,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index people_by_organisation on people (organisation_id, surname, first_name);

create table person_roles (
  person_id uuid not null references people (id),
  role text not null references roles (id),
  granted_at timestamptz not null default now(),
  primary key (person_id, role)
);

-- The cookie carries a random token; only its SHA-256 is stored, so a copy of this table opens nothing.
create table sessions (
  token_hash text primary key,
  person_id uuid not null references people (id),
  organisation_id text not null references organisations (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_by_person on sessions (person_id);
create index sessions_by_expiry on sessions (expires_at);

-- Kept in the database so that every server instance counts the same attempts.
create table sign_in_attempts (
  id bigint generated always as identity primary key,
  login_key text not null,
  address text not null,
  at timestamptz not null default now(),
  succeeded boolean not null default false
);
create index sign_in_attempts_by_login on sign_in_attempts (login_key, at);
create index sign_in_attempts_by_address on sign_in_attempts (address, at);

create table audit_log (
  id bigint generated always as identity primary key,
  -- Null for a sign-in attempt with an unknown login: it belongs to no organisation.
  organisation_id text references organisations (id),
  actor_person_id uuid references people (id),
  action text not null,
  target_person_id uuid references people (id),
  address text,
  details jsonb not null default '{}',
  at timestamptz not null default now()
);
create index audit_log_by_organisation on audit_log (organisation_id, at);
