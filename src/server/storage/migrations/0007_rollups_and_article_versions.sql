-- Period figures over a million calls (issue 19): the sums a dashboard adds up (src/server/storage/
-- figureSums.ts), kept per local day and operator, per local hour and operator, per day and hour of day,
-- and per hour and topic, need or article, in the transaction that reduces a call. A period reads its whole
-- days from the daily rows, the whole hours of its edges from the hourly ones, and the rest (less than an
-- hour at each end) from call_figures. Days and hours are local to rollups_time_zone, set when the
-- organisation's rollups were built (at start, from call_figures); until then, and for any other zone, the
-- figures come from call_figures alone. Sums are float8: exact for whole numbers below 2^53.
-- Knowledge-base versions (issue 18) also say which articles they changed (an article's published version,
-- author and time), and keep the bundle workstations download.
alter table organisations add column rollups_time_zone text;

create table call_rollups_daily (
  organisation_id text not null references organisations (id),
  day date not null,
  operator_name text not null,
  "calls" float8 not null default 0,
  "fc_of" float8 not null default 0,
  "fc_resolved" float8 not null default 0,
  "holds" float8 not null default 0,
  "holds_over" float8 not null default 0,
  "holds_calls" float8 not null default 0,
  "overtime" float8 not null default 0,
  "ended" float8 not null default 0,
  "handle" float8 not null default 0,
  "after_n" float8 not null default 0,
  "after_sum" float8 not null default 0,
  "t_zero" float8 not null default 0,
  "t_one" float8 not null default 0,
  "t_two" float8 not null default 0,
  "refused" float8 not null default 0,
  "own_total" float8 not null default 0,
  "t_calls" float8 not null default 0,
  "cb_promised" float8 not null default 0,
  "cb_kept" float8 not null default 0,
  "cb_late" float8 not null default 0,
  "sat_n" float8 not null default 0,
  "sat_sum" float8 not null default 0,
  "issues_broken" float8 not null default 0,
  "cb_open" float8 not null default 0,
  "cb_open_clean" float8 not null default 0,
  "sat_1" float8 not null default 0,
  "sat_2" float8 not null default 0,
  "sat_3" float8 not null default 0,
  "sat_4" float8 not null default 0,
  "sat_5" float8 not null default 0,
  "result_resolved" float8 not null default 0,
  "result_byDate" float8 not null default 0,
  "result_noDate" float8 not null default 0,
  "result_impossible" float8 not null default 0,
  "result_redirected" float8 not null default 0,
  "result_callback" float8 not null default 0,
  "result_transferred" float8 not null default 0,
  "result_none" float8 not null default 0,
  "rule_holdOverPromise" float8 not null default 0,
  "rule_transferLimit" float8 not null default 0,
  "rule_callbackLate" float8 not null default 0,
  "rule_farewellMissing" float8 not null default 0,
  "rule_callerNotIdentified" float8 not null default 0,
  "rule_needNotRephrased" float8 not null default 0,
  "rule_greetingUnnamed" float8 not null default 0,
  "rule_questionsAndThanks" float8 not null default 0,
  "rule_internalAfterDayEnd" float8 not null default 0,
  "stage_greeting" float8 not null default 0,
  "stage_n_greeting" float8 not null default 0,
  "stage_identification" float8 not null default 0,
  "stage_n_identification" float8 not null default 0,
  "stage_needs" float8 not null default 0,
  "stage_n_needs" float8 not null default 0,
  "stage_understanding" float8 not null default 0,
  "stage_n_understanding" float8 not null default 0,
  "stage_resolution" float8 not null default 0,
  "stage_n_resolution" float8 not null default 0,
  "stage_purpose" float8 not null default 0,
  "stage_n_purpose" float8 not null default 0,
  "stage_status" float8 not null default 0,
  "stage_n_status" float8 not null default 0,
  "stage_questions" float8 not null default 0,
  "stage_n_questions" float8 not null default 0,
  "stage_farewell" float8 not null default 0,
  "stage_n_farewell" float8 not null default 0,
  "stage_hold" float8 not null default 0,
  "stage_n_hold" float8 not null default 0,
  "stage_transfer" float8 not null default 0,
  "stage_n_transfer" float8 not null default 0,
  primary key (organisation_id, day, operator_name)
);

-- The same sums per local hour (its start) and operator: the edges of a period that cuts days.
create table call_rollups_hourly (
  organisation_id text not null references organisations (id),
  hour_start timestamptz not null,
  operator_name text not null,
  day date not null,
  hour smallint not null check (hour between 0 and 23),
  "calls" float8 not null default 0,
  "fc_of" float8 not null default 0,
  "fc_resolved" float8 not null default 0,
  "holds" float8 not null default 0,
  "holds_over" float8 not null default 0,
  "holds_calls" float8 not null default 0,
  "overtime" float8 not null default 0,
  "ended" float8 not null default 0,
  "handle" float8 not null default 0,
  "after_n" float8 not null default 0,
  "after_sum" float8 not null default 0,
  "t_zero" float8 not null default 0,
  "t_one" float8 not null default 0,
  "t_two" float8 not null default 0,
  "refused" float8 not null default 0,
  "own_total" float8 not null default 0,
  "t_calls" float8 not null default 0,
  "cb_promised" float8 not null default 0,
  "cb_kept" float8 not null default 0,
  "cb_late" float8 not null default 0,
  "sat_n" float8 not null default 0,
  "sat_sum" float8 not null default 0,
  "issues_broken" float8 not null default 0,
  "cb_open" float8 not null default 0,
  "cb_open_clean" float8 not null default 0,
  "sat_1" float8 not null default 0,
  "sat_2" float8 not null default 0,
  "sat_3" float8 not null default 0,
  "sat_4" float8 not null default 0,
  "sat_5" float8 not null default 0,
  "result_resolved" float8 not null default 0,
  "result_byDate" float8 not null default 0,
  "result_noDate" float8 not null default 0,
  "result_impossible" float8 not null default 0,
  "result_redirected" float8 not null default 0,
  "result_callback" float8 not null default 0,
  "result_transferred" float8 not null default 0,
  "result_none" float8 not null default 0,
  "rule_holdOverPromise" float8 not null default 0,
  "rule_transferLimit" float8 not null default 0,
  "rule_callbackLate" float8 not null default 0,
  "rule_farewellMissing" float8 not null default 0,
  "rule_callerNotIdentified" float8 not null default 0,
  "rule_needNotRephrased" float8 not null default 0,
  "rule_greetingUnnamed" float8 not null default 0,
  "rule_questionsAndThanks" float8 not null default 0,
  "rule_internalAfterDayEnd" float8 not null default 0,
  "stage_greeting" float8 not null default 0,
  "stage_n_greeting" float8 not null default 0,
  "stage_identification" float8 not null default 0,
  "stage_n_identification" float8 not null default 0,
  "stage_needs" float8 not null default 0,
  "stage_n_needs" float8 not null default 0,
  "stage_understanding" float8 not null default 0,
  "stage_n_understanding" float8 not null default 0,
  "stage_resolution" float8 not null default 0,
  "stage_n_resolution" float8 not null default 0,
  "stage_purpose" float8 not null default 0,
  "stage_n_purpose" float8 not null default 0,
  "stage_status" float8 not null default 0,
  "stage_n_status" float8 not null default 0,
  "stage_questions" float8 not null default 0,
  "stage_n_questions" float8 not null default 0,
  "stage_farewell" float8 not null default 0,
  "stage_n_farewell" float8 not null default 0,
  "stage_hold" float8 not null default 0,
  "stage_n_hold" float8 not null default 0,
  "stage_transfer" float8 not null default 0,
  "stage_n_transfer" float8 not null default 0,
  primary key (organisation_id, hour_start, operator_name)
);

-- The series' sums per local day and hour of day, all operators together: the whole days' hours.
create table call_rollups_day_hours (
  organisation_id text not null references organisations (id),
  day date not null,
  hour smallint not null check (hour between 0 and 23),
  "calls" float8 not null default 0,
  "fc_of" float8 not null default 0,
  "fc_resolved" float8 not null default 0,
  "holds" float8 not null default 0,
  "holds_over" float8 not null default 0,
  "holds_calls" float8 not null default 0,
  "overtime" float8 not null default 0,
  primary key (organisation_id, day, hour)
);

-- How many calls of a local hour had this topic or need, or used this article.
create table call_rollups_ranked (
  organisation_id text not null references organisations (id),
  kind text not null check (kind in ('topic', 'need', 'article')),
  hour_start timestamptz not null,
  key text not null,
  calls float8 not null default 0,
  primary key (organisation_id, kind, hour_start, key)
);

-- The only figures that change with the time of reading: open callbacks whose deadline is still ahead
-- (pending; the rollups count every open one, and those past their deadline are overdue).
create index call_figures_open_callbacks on call_figures (organisation_id, callback_deadline)
  where callback_deadline is not null and callback_done_at is null;
-- The list's newest-first page of one operator, in the order it is read (call_id breaks ties).
create index call_figures_by_operator_page on call_figures (organisation_id, operator_name, started_at desc, call_id desc);

-- The ids of the articles a version added, changed or removed (null for the version the build brought).
alter table kb_versions add column changed_articles text[];
-- The version as the bundle workstations download (kb-bundle.json: rendered, with its content hash), built
-- once when it is published (or first asked for) and sent as it is: 5,000 articles switch in seconds.
alter table kb_versions add column bundle text;
