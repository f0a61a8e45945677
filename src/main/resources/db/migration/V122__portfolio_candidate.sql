-- What the exam papers' headers need besides the réalisations (docs/portfolio.md): entered once per student
-- (candidate number, centre, session, the portfolio's public URL), or once per course by its teachers as the default
-- of its students (centre, session).

create table portfolio_candidate (
    platform_id       bigint        not null references lti_platform (id),
    student_user_id   bigint        not null references lti_user (id),
    candidate_number  varchar(30),
    centre            varchar(200),
    session_year      integer,
    portfolio_url     varchar(500),
    updated_at        timestamp with time zone not null,
    constraint portfolio_candidate_pk primary key (platform_id, student_user_id)
);

create table portfolio_course_defaults (
    course_id     bigint        not null primary key references lti_course (id),
    centre        varchar(200),
    session_year  integer,
    updated_at    timestamp with time zone not null
);
