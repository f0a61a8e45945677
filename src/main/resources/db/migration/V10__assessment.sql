-- Assessment (issue 3): activities mapped to skills, per-course scales, students' positions and their history.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+. Sequences start at their increment (see V1).
-- Skills are référentiel item codes (a compétence or a savoir-faire), kept as codes: they are stable, and an
-- activity keeps working if its référentiel is re-imported.

create sequence assessment_activity_seq start with 50 increment by 50;
create sequence assessment_sheet_seq start with 50 increment by 50;
create sequence assessment_history_seq start with 50 increment by 50;

-- A course's scale: four levels (0..3) with label and points, the first proficient level, and a version
-- for optimistic locking. No row = the default scale (Non acquis 0, En cours d'acquisition 1, Acquis 2,
-- Maîtrisé 3; proficient from Acquis). "Non évalué" is the absence of a level.
create table assessment_scale (
    course_id          bigint       not null primary key references lti_course (id),
    proficient_level   integer      not null,
    version            integer      not null,
    updated_at         timestamp with time zone not null
);

create table assessment_scale_level (
    course_id  bigint       not null references assessment_scale (course_id) on delete cascade,
    level      integer      not null,
    label      varchar(60)  not null,
    points     integer      not null,
    constraint assessment_scale_level_pk primary key (course_id, level),
    constraint assessment_scale_level_ck check (level between 0 and 3)
);

create table assessment_activity (
    id                bigint        not null primary key,
    course_id         bigint        not null references lti_course (id),
    referentiel_code  varchar(100)  not null,
    title             varchar(200)  not null,
    instructions      varchar(4000),
    score_maximum     integer       not null,
    created_by        bigint        not null references lti_user (id),
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           integer       not null
);
create index assessment_activity_course_ix on assessment_activity (course_id);

-- The skills an activity assesses, in the teacher's order, each with a weight (default 1).
create table assessment_activity_skill (
    activity_id  bigint         not null references assessment_activity (id) on delete cascade,
    position     integer        not null,
    item_code    varchar(50)    not null,
    weight       double precision not null,
    constraint assessment_activity_skill_pk primary key (activity_id, position),
    constraint assessment_activity_skill_uk unique (activity_id, item_code)
);

-- Which LTI resource links open which activity: a deep-linked activity and its course copies.
create table assessment_activity_link (
    resource_link_id  bigint  not null primary key references lti_resource_link (id),
    activity_id       bigint  not null references assessment_activity (id) on delete cascade
);
create index assessment_activity_link_activity_ix on assessment_activity_link (activity_id);

-- One student's sheet in one activity: the teacher's comment and the version the grid locks on.
create table assessment_sheet (
    id                bigint         not null primary key,
    activity_id       bigint         not null references assessment_activity (id) on delete cascade,
    student_user_id   bigint         not null references lti_user (id),
    teacher_comment   varchar(2000),
    version           integer        not null,
    updated_by        bigint         references lti_user (id),
    updated_at        timestamp with time zone not null,
    constraint assessment_sheet_uk unique (activity_id, student_user_id)
);

-- The levels of a sheet, one per assessed skill; no row = non évalué.
create table assessment_position (
    sheet_id   bigint       not null references assessment_sheet (id) on delete cascade,
    item_code  varchar(50)  not null,
    level      integer      not null,
    constraint assessment_position_pk primary key (sheet_id, item_code),
    constraint assessment_position_level_ck check (level between 0 and 3)
);

-- Append-only: every change of a level (item_code set) or of the comment alone (item_code null).
create table assessment_history (
    id                bigint         not null primary key,
    activity_id       bigint         not null references assessment_activity (id) on delete cascade,
    student_user_id   bigint         not null references lti_user (id),
    item_code         varchar(50),
    old_level         integer,
    new_level         integer,
    teacher_comment   varchar(2000),
    changed_by        bigint         not null references lti_user (id),
    changed_at        timestamp with time zone not null
);
create index assessment_history_sheet_ix on assessment_history (activity_id, student_user_id, changed_at);

-- The student's own view of their levels (optional), shown to teachers beside the grid; it never counts
-- toward the teacher's positions or grades.
create table assessment_self_position (
    activity_id       bigint       not null references assessment_activity (id) on delete cascade,
    student_user_id   bigint       not null references lti_user (id),
    item_code         varchar(50)  not null,
    level             integer      not null,
    updated_at        timestamp with time zone not null,
    constraint assessment_self_position_pk primary key (activity_id, student_user_id, item_code),
    constraint assessment_self_position_level_ck check (level between 0 and 3)
);
