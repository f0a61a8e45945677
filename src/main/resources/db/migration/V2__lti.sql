-- LTI 1.3: platform registrations, the tool's keys, and what launches provision (users, courses,
-- resource links, course members). Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+.
-- Keys follow lti-facts P-23: platforms on (issuer, client_id), deployments on (platform, deployment_id),
-- users on (issuer, subject), courses on (deployment, context_id), links on (course, resource_link_id).

create sequence lti_platform_seq start with 50 increment by 50;
create sequence lti_deployment_seq start with 50 increment by 50;
create sequence lti_user_seq start with 50 increment by 50;
create sequence lti_course_seq start with 50 increment by 50;
create sequence lti_resource_link_seq start with 50 increment by 50;
create sequence lti_course_member_seq start with 50 increment by 50;

create table lti_platform (
    id                      bigint        not null primary key,
    issuer                  varchar(255)  not null,
    client_id               varchar(255)  not null,
    name                    varchar(255)  not null,
    authorization_endpoint  varchar(1000) not null,
    token_endpoint          varchar(1000),
    jwks_uri                varchar(1000) not null,
    enabled                 boolean       not null,
    registered_by           varchar(20)   not null,
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    constraint lti_platform_uk unique (issuer, client_id),
    constraint lti_platform_registered_by_ck check (registered_by in ('ADMIN', 'DYNAMIC'))
);

create table lti_deployment (
    id             bigint       not null primary key,
    platform_id    bigint       not null references lti_platform (id),
    deployment_id  varchar(255) not null,
    enabled        boolean      not null,
    created_at     timestamp with time zone not null,
    constraint lti_deployment_uk unique (platform_id, deployment_id)
);

create table lti_user (
    id            bigint       not null primary key,
    issuer        varchar(255) not null,
    subject       varchar(255) not null,
    name          varchar(255),
    given_name    varchar(255),
    family_name   varchar(255),
    email         varchar(320),
    last_launch_at timestamp with time zone not null,
    constraint lti_user_uk unique (issuer, subject)
);

-- A course is an LTI context. Service endpoints (not secrets) are kept for the next issues:
-- NRPS memberships URL, AGS line items URL and the AGS scopes the platform granted.
create table lti_course (
    id                bigint        not null primary key,
    deployment_id     bigint        not null references lti_deployment (id),
    context_id        varchar(255)  not null,
    label             varchar(255),
    title             varchar(1000),
    memberships_url   varchar(2000),
    lineitems_url     varchar(2000),
    ags_scopes        varchar(1000),
    updated_at        timestamp with time zone not null,
    constraint lti_course_uk unique (deployment_id, context_id)
);

create table lti_resource_link (
    id                bigint        not null primary key,
    course_id         bigint        not null references lti_course (id),
    resource_link_id  varchar(255)  not null,
    title             varchar(1000),
    lineitem_url      varchar(2000),
    custom_json       varchar(4000),
    updated_at        timestamp with time zone not null,
    constraint lti_resource_link_uk unique (course_id, resource_link_id)
);

-- platform_roles: the LIS role URIs of the last launch, space separated.
-- teacher_granted: tool-teacher rights given by a teacher of the course (Moodle sends non-editing
-- teachers as Learner, lti-facts P-5b).
create table lti_course_member (
    id                bigint        not null primary key,
    course_id         bigint        not null references lti_course (id),
    user_id           bigint        not null references lti_user (id),
    platform_roles    varchar(2000) not null,
    teacher_granted   boolean       not null,
    granted_by        bigint        references lti_user (id),
    last_launch_at    timestamp with time zone not null,
    constraint lti_course_member_uk unique (course_id, user_id)
);

-- Nonces already used in a launch, kept until the login state that issued them expires.
create table lti_nonce (
    nonce       varchar(100) not null primary key,
    expires_at  timestamp with time zone not null
);
create index lti_nonce_expires_ix on lti_nonce (expires_at);

-- The tool's RSA signing keys (private JWK). Rotation: a key is published from created_at,
-- signs from active_from, and leaves the key set once retired_at is set.
create table lti_tool_key (
    kid          varchar(64)   not null primary key,
    jwk          varchar(8000) not null,
    created_at   timestamp with time zone not null,
    active_from  timestamp with time zone not null,
    retired_at   timestamp with time zone
);

-- Server-side secrets (HMAC of login states and session tokens), generated at first start.
create table lti_secret (
    name        varchar(50)  not null primary key,
    secret      varchar(200) not null,
    created_at  timestamp with time zone not null
);
