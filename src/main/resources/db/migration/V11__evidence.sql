-- Evidence a student hands in for an activity: a text, a link, or a file. File contents live in
-- DATA_DIR/evidence (see docs/assessment.md): the row keeps what the tool checked (type detected from the
-- content, size, SHA-256) and the stored file's name.

create sequence evidence_seq start with 50 increment by 50;

create table evidence (
    id                bigint         not null primary key,
    activity_id       bigint         not null references assessment_activity (id) on delete cascade,
    student_user_id   bigint         not null references lti_user (id),
    kind              varchar(10)    not null,
    body              varchar(4000),
    url               varchar(2000),
    file_name         varchar(255),
    media_type        varchar(100),
    size_bytes        bigint,
    sha256            varchar(64),
    storage_name      varchar(100),
    created_at        timestamp with time zone not null,
    constraint evidence_kind_ck check (kind in ('TEXT', 'LINK', 'FILE'))
);
create index evidence_owner_ix on evidence (activity_id, student_user_id);
