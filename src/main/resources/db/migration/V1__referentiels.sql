-- Référentiels: framework > bloc > compétence > savoir-faire.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+.
-- Sequences start at their increment: EclipseLink reads NEXT VALUE as the top of a block of
-- allocationSize ids (50) and refuses a first value below it.

create sequence referentiel_seq start with 50 increment by 50;
create sequence referentiel_item_seq start with 50 increment by 50;

create table referentiel (
    id               bigint        not null primary key,
    code             varchar(100)  not null,
    title            varchar(500)  not null,
    description      varchar(4000),
    version_label    varchar(100),
    source_url       varchar(1000),
    language         varchar(10)   not null,
    case_identifier  varchar(36)   not null,
    built_in         boolean       not null,
    created_at       timestamp with time zone not null,
    constraint referentiel_code_uk unique (code),
    constraint referentiel_case_uk unique (case_identifier)
);

create table referentiel_item (
    id               bigint        not null primary key,
    referentiel_id   bigint        not null references referentiel (id) on delete cascade,
    parent_id        bigint        references referentiel_item (id) on delete cascade,
    kind             varchar(20)   not null,
    code             varchar(50)   not null,
    title            varchar(1000) not null,
    title_en         varchar(1000),
    short_title      varchar(255),
    option_code      varchar(10)   not null,
    position         integer       not null,
    note             varchar(2000),
    case_identifier  varchar(36)   not null,
    constraint referentiel_item_code_uk unique (referentiel_id, code),
    constraint referentiel_item_kind_ck check (kind in ('BLOC', 'COMPETENCE', 'SAVOIR_FAIRE')),
    constraint referentiel_item_option_ck check (option_code in ('COMMON', 'SLAM', 'SISR'))
);

create index referentiel_item_referentiel_ix on referentiel_item (referentiel_id, position);
create index referentiel_item_parent_ix on referentiel_item (parent_id);
