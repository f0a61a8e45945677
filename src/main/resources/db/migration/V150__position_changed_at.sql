-- Each level keeps the time it was set, so that mastery across activities (the class progress, the competency
-- columns) reads the levels alone instead of grouping the whole history of the course (docs/performance.md).
-- Backfilled with what was read until now: the latest change of that skill in the history, else the sheet's time.
-- The default is for the nodes of a cluster still running the previous version during a rolling upgrade: their
-- inserts name no time (this version always names it).
alter table assessment_position add column changed_at timestamp with time zone default current_timestamp;

update assessment_position p set changed_at = coalesce(
    (select max(h.changed_at) from assessment_history h join assessment_sheet s
        on s.activity_id = h.activity_id and s.student_user_id = h.student_user_id
        where s.id = p.sheet_id and h.item_code = p.item_code),
    (select s.updated_at from assessment_sheet s where s.id = p.sheet_id));

alter table assessment_position alter column changed_at set not null;
