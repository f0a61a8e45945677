-- Issue 14: an activity positioned before anyone opened it in the platform (created by deep linking, its link never
-- launched, so the tool knows no resource link and no gradebook column for it). The worker looks for its line item in
-- the course's line items (resourceId = the activity's id, as the deep linking response gave it) and, once found,
-- records the link and sends the grades; while it cannot, the teacher's gradebook page shows the activity as waiting,
-- with what to do. The row goes when the activity has a link. Portable SQL: H2 2.x and PostgreSQL.
create table gb_waiting_activity (
    activity_id      bigint        not null primary key references assessment_activity (id),
    course_id        bigint        not null references lti_course (id),
    attempts         integer       not null,
    next_attempt_at  timestamp with time zone not null,
    lease_until      timestamp with time zone,
    last_http_status integer,
    last_message     varchar(1000),
    updated_at       timestamp with time zone not null
);
create index gb_waiting_activity_course_ix on gb_waiting_activity (course_id);

-- Activities already positioned without a link before this version: neither sent nor shown until now.
insert into gb_waiting_activity (activity_id, course_id, attempts, next_attempt_at, updated_at)
select a.id, a.course_id, 0, current_timestamp, current_timestamp from assessment_activity a
where exists (select 1 from assessment_sheet s where s.activity_id = a.id)
  and not exists (select 1 from assessment_activity_link l where l.activity_id = a.id);
