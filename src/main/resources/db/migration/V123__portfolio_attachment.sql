-- The tool's activities and evidence a student attaches to a réalisation (docs/portfolio.md), each from one course:
-- the teachers' levels on that activity are shown beside the ticks, as a hint. Removed with their réalisation, their
-- activity or their evidence.

create sequence portfolio_attachment_seq start with 50 increment by 50;

create table portfolio_attachment (
    id              bigint     not null primary key,
    realisation_id  bigint     not null references portfolio_realisation (id) on delete cascade,
    course_id       bigint     not null references lti_course (id),
    activity_id     bigint     not null references assessment_activity (id) on delete cascade,
    evidence_id     bigint     references evidence (id) on delete cascade,
    created_at      timestamp with time zone not null
);
create index portfolio_attachment_realisation_ix on portfolio_attachment (realisation_id);
