-- How mastery is read from a student's positionings (latest, highest, mean) is an assessment choice: the progress
-- pages and the gradebook's competency columns both read it. It leaves the gradebook's course settings for a table
-- of assessment's own, so that progress no longer depends on the gradebook. No row = LATEST.
create table assessment_mastery_rule (
    course_id     bigint       not null primary key references lti_course (id),
    mastery_rule  varchar(10)  not null,
    updated_by    bigint       references lti_user (id),
    updated_at    timestamp with time zone not null,
    constraint assessment_mastery_rule_ck check (mastery_rule in ('LATEST', 'HIGHEST', 'AVERAGE'))
);

insert into assessment_mastery_rule (course_id, mastery_rule, updated_by, updated_at)
    select course_id, mastery_rule, updated_by, updated_at from gb_course_settings;

alter table gb_course_settings drop constraint gb_course_settings_mastery_ck;
alter table gb_course_settings drop column mastery_rule;
