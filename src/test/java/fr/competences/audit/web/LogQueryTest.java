package fr.competences.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.competences.audit.AuditAction;
import fr.competences.audit.AuditLog;
import fr.competences.errors.ProblemException;
import org.junit.jupiter.api.Test;

class LogQueryTest {

    @Test
    void daysAreTheSchoolsWholeDays() {
        assertThat(LogQuery.from("2026-03-01")).isEqualTo("2026-02-28T23:00:00Z");
        assertThat(LogQuery.to("2026-07-14")).as("the whole day, summer time").isEqualTo("2026-07-14T22:00:00Z");
        assertThat(LogQuery.from("2026-03-01T08:00:00Z")).isEqualTo("2026-03-01T08:00:00Z");
        assertThat(LogQuery.from(" ")).isNull();
    }

    @Test
    void aTeachersLogOffersTheCoursesActionsOnly() {
        assertThat(LogQuery.action("grade_sent", true)).isEqualTo(AuditAction.GRADE_SENT);
        assertThat(LogQuery.action("ADMIN_CALL", false)).isEqualTo(AuditAction.ADMIN_CALL);
        refused(() -> LogQuery.action("ADMIN_CALL", true), "action");
        refused(() -> LogQuery.action("DROP", false), "action");
    }

    @Test
    void pagesStartAtOneAndHaveABoundedSize() {
        assertThat(LogQuery.page(null, null, 50, 200)).isEqualTo(new AuditLog.Page(1, 50));
        refused(() -> LogQuery.page(0, null, 50, 200), "page");
        refused(() -> LogQuery.page(1, 201, 50, 200), "size");
        refused(() -> LogQuery.from("01/03/2026"), "from");
    }

    private static void refused(Runnable call, String parameter) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.errors()).extracting(ProblemException.Problem::location).containsExactly(parameter);
        });
    }
}
