-- Personal data (issue 9, RGPD). Portable SQL: H2 2.x and PostgreSQL 13+.

-- Scheduled privacy jobs shared by every instance on the database: when each is due, and which instance holds it
-- while it runs (a lease: one instance runs it, and another takes over when the lease of a dead one expires).
create table privacy_job (
    name         varchar(50)  not null primary key,
    next_run_at  timestamp with time zone,
    lease_owner  varchar(100),
    lease_until  timestamp with time zone
);
insert into privacy_job (name) values ('retention');

-- Each run of the retention (RETENTION_AFTER_COURSE_END): when, where, and how much it erased. Counts only: no
-- personal data.
create sequence privacy_retention_run_seq start with 50 increment by 50;

create table privacy_retention_run (
    id                 bigint        not null primary key,
    instance           varchar(100)  not null,
    started_by         varchar(10)   not null,
    retention          varchar(30)   not null,
    cutoff             timestamp with time zone not null,
    started_at         timestamp with time zone not null,
    finished_at        timestamp with time zone,
    courses            integer       not null,
    users              integer       not null,
    evidence_files     integer       not null,
    files_not_removed  integer       not null,
    problem            varchar(1000),
    constraint privacy_retention_run_by_ck check (started_by in ('SCHEDULE', 'ADMIN'))
);
create index privacy_retention_run_started_ix on privacy_retention_run (started_at);
