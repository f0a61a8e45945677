package fr.competences.privacy;

import java.util.List;

/**
 * Where the tool keeps data about a person, and what makes up a course: the one list that export, erasure and
 * retention read, written as SQL over the tables of {@code db/migration} (the capabilities' entities are theirs).
 * {@code PersonalTablesTest} migrates an empty database and fails when a table that names a user or belongs to a
 * course is missing here: a new table must say how it is exported and erased.
 */
final class PersonalTables {

    private PersonalTables() {
    }

    /**
     * The rows of one table about one student. {@code select} takes the user id as its only parameter;
     * {@code course} is the column naming the row's course (null: the row is not a course's), used to narrow an
     * export to one course.
     */
    record Source(String table, String select, String course, String order) {

        String sql(boolean oneCourse) {
            return select + (oneCourse && course != null ? " and " + course + " = ?" : "") + " order by " + order;
        }
    }

    private static final String ACTIVITY = " join assessment_activity a on a.id = x.activity_id";

    /** Everything about a student, in the order the export lists it. */
    static final List<Source> ABOUT_A_STUDENT = List.of(
            new Source("lti_user", "select x.* from lti_user x where x.id = ?", null, "x.id"),
            new Source("lti_course_member", "select x.* from lti_course_member x where x.user_id = ?", "x.course_id",
                    "x.course_id"),
            new Source("gb_roster_member", "select x.* from gb_roster_member x where x.user_id = ?", "x.course_id",
                    "x.course_id"),
            new Source("assessment_sheet", "select x.* from assessment_sheet x" + ACTIVITY
                    + " where x.student_user_id = ?", "a.course_id", "x.activity_id"),
            new Source("assessment_position", "select x.* from assessment_position x join assessment_sheet s "
                    + "on s.id = x.sheet_id join assessment_activity a on a.id = s.activity_id "
                    + "where s.student_user_id = ?", "a.course_id", "x.sheet_id, x.item_code"),
            new Source("assessment_self_position", "select x.* from assessment_self_position x" + ACTIVITY
                    + " where x.student_user_id = ?", "a.course_id", "x.activity_id, x.item_code"),
            new Source("assessment_history", "select x.* from assessment_history x" + ACTIVITY
                    + " where x.student_user_id = ?", "a.course_id", "x.changed_at, x.id"),
            new Source("evidence", "select x.* from evidence x" + ACTIVITY + " where x.student_user_id = ?",
                    "a.course_id", "x.created_at, x.id"),
            new Source("gb_score_sync", "select x.* from gb_score_sync x where x.user_id = ?", "x.course_id", "x.id"),
            new Source("gb_delivery", "select x.* from gb_delivery x join gb_score_sync s on s.id = x.sync_id "
                    + "where s.user_id = ?", "s.course_id", "x.attempted_at, x.id"));

    /**
     * Every column that names a user, as a student or as the author of something (a teacher's change, grant,
     * activity): a user's row may be deleted only when none of them names it; otherwise it stays, pseudonymised.
     */
    static final List<String> USER_REFERENCES = List.of(
            "lti_course_member.user_id", "lti_course_member.granted_by", "gb_roster_member.user_id",
            "gb_course_settings.updated_by", "gb_score_sync.user_id", "assessment_activity.created_by",
            "assessment_mastery_rule.updated_by",
            "assessment_sheet.student_user_id", "assessment_sheet.updated_by", "assessment_history.student_user_id",
            "assessment_history.changed_by", "assessment_self_position.student_user_id", "evidence.student_user_id");

    private static final String ACTIVITIES = "(select id from assessment_activity where course_id = ?1)";
    private static final String LINKS = "(select id from lti_resource_link where course_id = ?1)";

    /** A delete of a course's rows in one table; {@code ?1} is the course id. */
    record Purge(String table, String delete) {
    }

    /** Everything of a course, children before parents (the order foreign keys need). */
    static final List<Purge> COURSE = List.of(
            new Purge("gb_delivery", "delete from gb_delivery where sync_id in "
                    + "(select id from gb_score_sync where course_id = ?1)"),
            new Purge("gb_score_sync", "delete from gb_score_sync where course_id = ?1"),
            new Purge("gb_competency_column", "delete from gb_competency_column where course_id = ?1"),
            new Purge("gb_line_item", "delete from gb_line_item where resource_link_id in " + LINKS),
            new Purge("gb_course_settings", "delete from gb_course_settings where course_id = ?1"),
            new Purge("gb_waiting_activity", "delete from gb_waiting_activity where course_id = ?1 or activity_id in "
                    + ACTIVITIES),
            new Purge("gb_roster_member", "delete from gb_roster_member where course_id = ?1"),
            new Purge("evidence", "delete from evidence where activity_id in " + ACTIVITIES),
            new Purge("assessment_self_position", "delete from assessment_self_position where activity_id in "
                    + ACTIVITIES),
            new Purge("assessment_position", "delete from assessment_position where sheet_id in (select id from "
                    + "assessment_sheet where activity_id in " + ACTIVITIES + ")"),
            new Purge("assessment_history", "delete from assessment_history where activity_id in " + ACTIVITIES),
            new Purge("assessment_sheet", "delete from assessment_sheet where activity_id in " + ACTIVITIES),
            new Purge("assessment_activity_link", "delete from assessment_activity_link where activity_id in "
                    + ACTIVITIES + " or resource_link_id in " + LINKS),
            new Purge("assessment_activity_skill", "delete from assessment_activity_skill where activity_id in "
                    + ACTIVITIES),
            new Purge("assessment_activity", "delete from assessment_activity where course_id = ?1"),
            new Purge("assessment_mastery_rule", "delete from assessment_mastery_rule where course_id = ?1"),
            new Purge("assessment_scale_level", "delete from assessment_scale_level where course_id = ?1"),
            new Purge("assessment_scale", "delete from assessment_scale where course_id = ?1"),
            new Purge("lti_course_member", "delete from lti_course_member where course_id = ?1"),
            new Purge("lti_resource_link", "delete from lti_resource_link where course_id = ?1"),
            new Purge("lti_course", "delete from lti_course where id = ?1"));
}
