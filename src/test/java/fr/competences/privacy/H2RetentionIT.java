package fr.competences.privacy;

import fr.competences.it.TestApp;
import fr.competences.it.TestApps;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;

/**
 * {@link RetentionContract} on H2: the application owns its database file, so the test stops it to date the
 * course's launches back, then starts it again on the same data.
 */
class H2RetentionIT extends RetentionContract {

    @Override
    TestApp launched() {
        return TestApps.h2DailyJobs();
    }

    @Override
    TestApp administered() {
        return TestApps.h2DailyJobs();
    }

    @Override
    void lastLaunched(String contextId, OffsetDateTime when) throws Exception {
        TestApp app = TestApps.h2DailyJobs();
        app.stop();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + app.dataDir().resolve("competences"),
                "sa", "sa")) {
            date(db, contextId, when);
        }
        app.startAgain();
    }

    static void date(Connection db, String contextId, OffsetDateTime when) throws Exception {
        try (PreparedStatement members = db.prepareStatement("update lti_course_member set last_launch_at = ? "
                + "where course_id in (select id from lti_course where context_id = ?)");
                PreparedStatement course = db.prepareStatement("update lti_course set updated_at = ? "
                        + "where context_id = ?")) {
            for (PreparedStatement statement : new PreparedStatement[] {members, course}) {
                statement.setObject(1, when);
                statement.setString(2, contextId);
                statement.executeUpdate();
            }
        }
    }
}
