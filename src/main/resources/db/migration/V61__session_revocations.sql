-- Sessions an administrator ended (admin API POST /api/admin/lti/sessions/revoke): every session of the platform
-- opened at or before revoked_at, for one user (user_id), one course (course_id) or one user in one course. Rows
-- matter for as long as a session lives (12 h) and are then deleted. No foreign key to users or courses: erasing a
-- user or a course must not wait for these. Portable SQL: H2 2.x and PostgreSQL.
create sequence lti_session_revocation_seq start with 50 increment by 50;

create table lti_session_revocation (
    id           bigint not null primary key,
    platform_id  bigint not null references lti_platform (id),
    user_id      bigint,
    course_id    bigint,
    revoked_at   timestamp with time zone not null,
    constraint lti_session_revocation_scope_ck check (user_id is not null or course_id is not null)
);

create index lti_session_revocation_at_ix on lti_session_revocation (revoked_at);
