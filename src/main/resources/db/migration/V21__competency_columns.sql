-- Competency columns (issue 4, optional per course): gradebook columns the tool creates on the platform, one per
-- bloc or per assessed skill, holding each student's mastery across all the course's activities. Their scores go
-- through the same outbox as activity grades. Portable SQL: H2 2.x and PostgreSQL.

-- The course's choice: no columns (default), one per bloc, one per skill; and how mastery is read from positions.
alter table gb_course_settings add column competency_columns varchar(10) default 'NONE' not null;
alter table gb_course_settings add column mastery_rule varchar(10) default 'LATEST' not null;
alter table gb_course_settings add constraint gb_course_settings_columns_ck
    check (competency_columns in ('NONE', 'BLOCK', 'SKILL'));
alter table gb_course_settings add constraint gb_course_settings_mastery_ck
    check (mastery_rule in ('LATEST', 'HIGHEST', 'AVERAGE'));

create sequence gb_competency_column_seq start with 50 increment by 50;

-- One column of a course, keyed by the référentiel code it stands for (its resourceId on the platform). The worker
-- brings the platform in line with the row: creates the line item (line_item_url null), renames it (label differs
-- from platform_label), deletes it (retired). Failures wait until next_attempt_at; last_message says why.
create table gb_competency_column (
    id               bigint        not null primary key,
    course_id        bigint        not null references lti_course (id),
    code             varchar(50)   not null,
    kind             varchar(10)   not null,
    label            varchar(200)  not null,
    platform_label   varchar(200),
    line_item_url    varchar(2000),
    retired          boolean       not null,
    attempts         integer       not null,
    next_attempt_at  timestamp with time zone not null,
    last_http_status integer,
    last_message     varchar(1000),
    updated_at       timestamp with time zone not null,
    constraint gb_competency_column_uk unique (course_id, code),
    constraint gb_competency_column_kind_ck check (kind in ('BLOCK', 'SKILL'))
);

-- A score row is now the cell of an activity's resource link or of a competency column, never both.
alter table gb_score_sync add column column_id bigint references gb_competency_column (id);
alter table gb_score_sync alter column activity_id drop not null;
alter table gb_score_sync alter column resource_link_id drop not null;
alter table gb_score_sync add constraint gb_score_sync_column_uk unique (column_id, user_id);
alter table gb_score_sync add constraint gb_score_sync_target_ck
    check ((resource_link_id is null and column_id is not null) or (resource_link_id is not null and column_id is null));
