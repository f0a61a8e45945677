-- Gradebook sync (issue 4): the outbox of scores for the platform's gradebook (AGS), every delivery attempt,
-- the line items the tool found or created, and each course's grading rule. Portable SQL: H2 2.x and PostgreSQL.

create sequence gb_score_sync_seq start with 50 increment by 50;
create sequence gb_delivery_seq start with 50 increment by 50;

-- The grading rule of a course (default MEAN when no row).
create table gb_course_settings (
    course_id    bigint      not null primary key references lti_course (id),
    grade_rule   varchar(30) not null,
    updated_by   bigint      references lti_user (id),
    updated_at   timestamp with time zone not null,
    constraint gb_course_settings_rule_ck check (grade_rule in ('MEAN', 'ALL_ACQUIRED', 'PROPORTION_ACQUIRED'))
);

-- The line item of a resource link when the launch named none (lti-facts P-7): found through the course's
-- line items, or created by the tool. Launches never overwrite it.
create table gb_line_item (
    resource_link_id  bigint        not null primary key references lti_resource_link (id),
    line_item_url     varchar(2000) not null,
    created_by_tool   boolean       not null,
    found_at          timestamp with time zone not null
);

-- The outbox: one row per gradebook cell (resource link of an activity, student), holding the latest score to send. A change bumps
-- revision (and the score's timestamp, strictly increasing, lti-facts P-9.3) in the transaction that changed the
-- positions; the worker claims due rows (lease, "for update skip locked") and sets sent_revision when done.
-- status: PENDING (to send or being sent), SYNCED (the platform has it, or a newer grade), FAILED (given up).
create table gb_score_sync (
    id               bigint        not null primary key,
    course_id        bigint        not null references lti_course (id),
    activity_id      bigint        not null,
    resource_link_id bigint        not null references lti_resource_link (id),
    user_id          bigint        not null references lti_user (id),
    platform_id      bigint        not null references lti_platform (id),
    user_sub         varchar(255)  not null,
    line_item_url    varchar(2000),
    score_given      numeric(12, 2),
    score_maximum    numeric(12, 2) not null,
    score_comment    varchar(4000),
    score_timestamp  timestamp with time zone not null,
    revision         bigint        not null,
    sent_revision    bigint        not null,
    status           varchar(10)   not null,
    attempts         integer       not null,
    next_attempt_at  timestamp with time zone not null,
    pending_since    timestamp with time zone,
    lease_owner      varchar(100),
    lease_until      timestamp with time zone,
    last_http_status integer,
    last_message     varchar(1000),
    synced_at        timestamp with time zone,
    updated_at       timestamp with time zone not null,
    constraint gb_score_sync_uk unique (resource_link_id, user_id),
    constraint gb_score_sync_status_ck check (status in ('PENDING', 'SYNCED', 'FAILED'))
);
create index gb_score_sync_due_ix on gb_score_sync (status, next_attempt_at);
create index gb_score_sync_course_ix on gb_score_sync (course_id, activity_id);

-- Every delivery attempt and its outcome (audit): what was sent, what the platform answered, which instance.
create table gb_delivery (
    id               bigint        not null primary key,
    sync_id          bigint        not null references gb_score_sync (id),
    revision         bigint        not null,
    score_given      numeric(12, 2),
    score_timestamp  timestamp with time zone not null,
    http_status      integer       not null,
    outcome          varchar(10)   not null,
    message          varchar(1000),
    instance         varchar(100)  not null,
    attempted_at     timestamp with time zone not null
);
create index gb_delivery_sync_ix on gb_delivery (sync_id);

-- The course roster as the platform's NRPS service gives it (lti-facts: NRPS), so students who never launched
-- appear in the grids: their status there (Active, Inactive, Deleted; inactive members are marked, not removed).
create table gb_roster_member (
    course_id   bigint      not null references lti_course (id),
    user_id     bigint      not null references lti_user (id),
    status      varchar(10) not null,
    updated_at  timestamp with time zone not null,
    constraint gb_roster_member_pk primary key (course_id, user_id),
    constraint gb_roster_member_status_ck check (status in ('Active', 'Inactive', 'Deleted'))
);
