-- Teachers' review of a réalisation (docs/portfolio.md): its status, validée or à revoir, which the student's next
-- change clears, and their comments, which the student reads. A comment names the course it was written from.

alter table portfolio_realisation add column review_status varchar(20);
alter table portfolio_realisation add column reviewed_by bigint references lti_user (id);
alter table portfolio_realisation add column reviewed_at timestamp with time zone;
alter table portfolio_realisation add constraint portfolio_realisation_review_ck
    check (review_status in ('VALIDATED', 'TO_REVISE'));

create sequence portfolio_comment_seq start with 50 increment by 50;

create table portfolio_comment (
    id               bigint         not null primary key,
    realisation_id   bigint         not null references portfolio_realisation (id) on delete cascade,
    course_id        bigint         not null references lti_course (id),
    author_user_id   bigint         not null references lti_user (id),
    body             varchar(2000)  not null,
    created_at       timestamp with time zone not null
);
create index portfolio_comment_realisation_ix on portfolio_comment (realisation_id);
