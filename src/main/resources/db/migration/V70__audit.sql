-- Audit trail (issue 9 §2): an append-only log of who did what (package fr.competences.audit, docs/security.md
-- "Audit trail"). Plain ids and values, no foreign keys: a line outlives the course, user or platform it names
-- (names are read from their tables when the log is shown). Never a token, a password or a file's content.
-- Updates are refused by a trigger (V71); only the retention purge deletes. Portable SQL: H2 2.x and PostgreSQL.

create sequence audit_entry_seq start with 50 increment by 50;

-- actor: USER (actor_user_id, actor_role), ADMIN (bearer of ADMIN_TOKEN), PLATFORM (a dynamic registration),
-- SYSTEM (the tool itself: grade delivery, first start, daily purge). subject_user_id: the user the line is about
-- (the student positioned or graded, the owner of the evidence, the member given rights, the user launching).
create table audit_entry (
    id               bigint        not null primary key,
    at               timestamp with time zone not null,
    action           varchar(40)   not null,
    actor            varchar(10)   not null,
    actor_user_id    bigint,
    actor_role       varchar(10),
    platform_id      bigint,
    course_id        bigint,
    activity_id      bigint,
    subject_user_id  bigint,
    target           varchar(255),
    outcome          varchar(40),
    detail           varchar(1000),
    constraint audit_entry_actor_ck check (actor in ('USER', 'ADMIN', 'PLATFORM', 'SYSTEM'))
);
create index audit_entry_course_ix on audit_entry (course_id, at);
create index audit_entry_at_ix on audit_entry (at);

-- The daily purge's turn: the instance that moves last_run_at forward (a conditional update, atomic) purges; the
-- others, sharing the database, find it done.
create table audit_purge (
    id           integer     not null primary key,
    last_run_at  timestamp with time zone not null,
    last_run_by  varchar(100)
);
insert into audit_purge (id, last_run_at, last_run_by) values (1, timestamp with time zone '1970-01-01 00:00:00+00', null);
