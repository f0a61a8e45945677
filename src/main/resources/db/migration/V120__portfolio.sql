-- The BTS SIO exam portfolio (docs/portfolio.md): a student's réalisations professionnelles with the fields of the
-- fiche descriptive, and the compétences each mobilises. A portfolio belongs to the student on one platform
-- (platform_id + lti_user, i.e. issuer + sub), never to a course: it follows them across courses and both years.

create sequence portfolio_realisation_seq start with 50 increment by 50;

create table portfolio_realisation (
    id                  bigint         not null primary key,
    platform_id         bigint         not null references lti_platform (id),
    student_user_id     bigint         not null references lti_user (id),
    setting             varchar(20)    not null,
    title               varchar(200)   not null,
    description         varchar(4000),
    organisation        varchar(200),
    place               varchar(200),
    period_from         date,
    period_to           date,
    in_team             boolean        not null,
    conditions          varchar(4000),
    documentary         varchar(2000),
    hardware            varchar(2000),
    software            varchar(2000),
    productions         varchar(4000),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint portfolio_realisation_setting_ck check (setting in ('TRAINING', 'WORK_YEAR_1', 'WORK_YEAR_2'))
);
create index portfolio_realisation_owner_ix on portfolio_realisation (platform_id, student_user_id);

-- The référentiel items (bloc 1 and 2 compétences or savoir-faire) a réalisation mobilises, as the student ticked them.
create table portfolio_realisation_skill (
    realisation_id  bigint       not null references portfolio_realisation (id) on delete cascade,
    code            varchar(20)  not null,
    constraint portfolio_realisation_skill_pk primary key (realisation_id, code)
);
