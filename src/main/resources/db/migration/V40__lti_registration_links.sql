-- One-time dynamic registration links (issue 9). Only the SHA-256 of the link's secret is kept. A registration
-- holds the link (claim_id, claimed_until) while it talks to the platform; used_at and platform_id once it created
-- the platform, in the same transaction.
create table lti_registration_link (
    token_hash      varchar(64)  not null primary key,
    allowed_origin  varchar(300),
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    claim_id        varchar(36),
    claimed_until   timestamp with time zone,
    used_at         timestamp with time zone,
    platform_id     bigint references lti_platform (id)
);
