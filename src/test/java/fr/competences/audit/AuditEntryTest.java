package fr.competences.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of event fills the line's columns with plain values, and only those. */
class AuditEntryTest {

    static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aLaunchNamesTheUserTheirRoleTheCourseAndThePlatform() {
        AuditLine line = line(new AuditEvent.Launched(4, 9, 12, "STUDENT", false));

        assertThat(line).isEqualTo(new AuditLine(0, AT.toInstant(), AuditAction.LAUNCH, Actor.USER, 12L, "STUDENT", 4L,
                9L, null, 12L, "resource-link", null, null));
    }

    @Test
    void aPositioningChangeNamesTheSkillsChangedNotTheLevelsWhichStayInTheHistory() {
        AuditLine line = line(new AuditEvent.PositionsChanged(9, 30, 1, 12, List.of("B2.1", "B2.2.1"), true));

        assertThat(line.action()).isEqualTo(AuditAction.POSITIONS_CHANGED);
        assertThat(List.of(line.actorUserId(), line.courseId(), line.activityId(), line.subjectUserId()))
                .containsExactly(1L, 9L, 30L, 12L);
        assertThat(line.target()).isEqualTo("B2.1, B2.2.1");
        assertThat(line.detail()).isEqualTo("comment");
    }

    @Test
    void aGradeDeliveryIsTheToolsWithItsOutcome() {
        AuditLine sent = line(new AuditEvent.GradeSent(4, 9, 30L, null, 12, new BigDecimal("17.780"),
                new BigDecimal("20.00"), 200, "SYNCED"));
        AuditLine withdrawn = line(new AuditEvent.GradeSent(4, 9, null, "B2.1", 12, null, new BigDecimal("20"), 503,
                "RETRY"));

        assertThat(sent.actor()).isEqualTo(Actor.SYSTEM);
        assertThat(sent.actorUserId()).isNull();
        assertThat(sent.outcome()).isEqualTo("SYNCED");
        assertThat(sent.detail()).isEqualTo("17.78 / 20, HTTP 200");
        assertThat(withdrawn.target()).isEqualTo("column B2.1");
        assertThat(withdrawn.detail()).isEqualTo("withdrawn, HTTP 503");
    }

    @Test
    void evidenceLinesSayWhoReadWhoseEvidenceWithoutItsContent() {
        AuditLine added = line(new AuditEvent.EvidenceAdded(9, 30, 12, 77, "FILE", "application/pdf", 1234L));
        AuditLine read = line(new AuditEvent.EvidenceDownloaded(9, 30, 1, "TEACHER", 12, 77));

        assertThat(added.detail()).isEqualTo("FILE application/pdf, 1234 bytes");
        assertThat(added.target()).isEqualTo("evidence 77");
        assertThat(List.of(read.actorUserId(), read.subjectUserId())).containsExactly(1L, 12L);
        assertThat(read.actorRole()).isEqualTo("TEACHER");
    }

    @Test
    void administrationLinesBelongToNoCourse() {
        AuditLine dynamic = line(new AuditEvent.PlatformChanged(4, true, true, "https://moodle.lycee.fr", "abc",
                List.of("1"), true));
        AuditLine key = line(new AuditEvent.KeyChanged("kid-1", AuditEvent.KeyChange.ADDED,
                Instant.parse("2026-12-01T09:00:00Z")));
        AuditLine call = line(new AuditEvent.AdminCalled("POST", "/api/admin/lti/platforms", 201,
                "/api/admin/lti/platforms/4"));

        assertThat(dynamic.actor()).isEqualTo(Actor.PLATFORM);
        assertThat(dynamic.action()).isEqualTo(AuditAction.PLATFORM_REGISTERED);
        assertThat(dynamic.target()).isEqualTo("https://moodle.lycee.fr abc");
        assertThat(key.actor()).isEqualTo(Actor.ADMIN);
        assertThat(key.detail()).isEqualTo("signs from 2026-12-01T09:00:00Z");
        assertThat(call.target()).isEqualTo("POST /api/admin/lti/platforms");
        assertThat(call.outcome()).isEqualTo("201");
        assertThat(List.of(dynamic, key, call)).allSatisfy(l -> assertThat(l.courseId()).isNull());
        assertThat(List.of(dynamic, key, call)).allSatisfy(l -> assertThat(l.action().inCourse()).isFalse());
    }

    @Test
    void aValueLongerThanItsColumnIsCutNotRefused() {
        AuditLine line = line(new AuditEvent.AdminCalled("GET", "/api/" + "x".repeat(400), 200, null));

        assertThat(line.target()).hasSize(AuditEntry.MAX_TARGET).endsWith("…");
    }

    private static AuditLine line(AuditEvent event) {
        AuditEntry entry = AuditEntry.of(event, AT);
        entry.id = 0L;
        return entry.line();
    }
}
