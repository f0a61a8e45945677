package fr.competences.components;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.gradebook.columns.ColumnsProbe;
import fr.competences.gradebook.outbox.OutboxProbe;
import fr.competences.gradebook.outbox.Resend;
import fr.competences.gradebook.outbox.ScoreOutbox;
import fr.competences.gradebook.rules.Grade;
import fr.competences.lti.course.PersonClaims;
import fr.competences.lti.course.ToolUser;
import fr.competences.lti.nrps.Memberships;
import fr.competences.lti.registration.RegisteredPlatform;
import fr.competences.lti.registration.Registrations;
import fr.competences.lti.roster.Roster;
import fr.competences.lti.roster.RosterProbe;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Components that need CDI, JPA and transactions but not the whole application, tested inside Payara Micro (one
 * deployment, {@link ComponentsDeployment}) against the real database: the outbox's claims and leases, the
 * competency columns' leases, the registrations' cache, and the one path that provisions users and members. Each
 * test starts from rows of its own platform and course. The worker is idle ({@code OutboxWorkerProbe}): the tests
 * claim and answer as instances would.
 */
@ExtendWith(ArquillianExtension.class)
abstract class ComponentsContract {

    static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    static final BigDecimal TWENTY = new BigDecimal("20");

    @Inject
    Fixtures fixtures;

    @Inject
    OutboxProbe outbox;

    @Inject
    ScoreOutbox scores;

    @Inject
    ColumnsProbe columns;

    @Inject
    Registrations registrations;

    @Inject
    RosterProbe roster;

    @Test
    void aDueScoreIsClaimedByOneInstanceUntilItsOutcomeIsRecorded() {
        long score = dueScore("claims");
        assertThat(outbox.claim("instance-a", Duration.ofMinutes(2))).contains(score);
        assertThat(outbox.claim("instance-b", Duration.ofMinutes(2))).doesNotContain(score);
        outbox.answer("instance-a", 200);
        assertThat(outbox.status(score)).isEqualTo("SYNCED");
        assertThat(outbox.claim("instance-b", Duration.ofMinutes(2))).doesNotContain(score);
        assertThat(outbox.attempts(score)).containsExactly("SYNCED");
    }

    @Test
    void anInstanceWhoseLeaseExpiredDoesNotOverwriteTheOutcomeOfTheOneThatTookTheScoreOver() throws Exception {
        long score = dueScore("takeover");
        assertThat(outbox.claim("instance-a", Duration.ofMillis(1))).contains(score);
        Thread.sleep(50); // instance a is taken for dead
        assertThat(outbox.claim("instance-b", Duration.ofMinutes(2))).contains(score);
        outbox.answer("instance-a", 503); // a comes back late: its outcome is archived, not applied
        assertThat(outbox.status(score)).isEqualTo("PENDING");
        outbox.answer("instance-b", 200);
        assertThat(outbox.status(score)).isEqualTo("SYNCED");
        assertThat(outbox.attempts(score)).containsExactly("RETRY", "SYNCED");
    }

    @Test
    void aCompetencyColumnIsLeasedByOneInstanceAtATimeAndItsLineItemReachesItsScores() {
        Fixtures.CourseOf course = fixtures.course("columns");
        long student = student(course, "s1");
        long column = columns.wanted(course.courseId(), "B1.1");
        scores.enqueue(course.courseId(), Map.of(new ScoreOutbox.ColumnLineItem(column, null, TWENTY),
                Map.of(student, Optional.of(new Grade(new BigDecimal("15.00"), TWENTY, "B1.1 Acquis")))),
                Resend.CHANGED);
        assertThat(columns.lease(column)).contains(course.issuer() + "/lineitems");
        assertThat(columns.leasedUntil(column)).as("the lease is stored").isNotNull();
        assertThat(columns.lease(column)).as("held by the first instance").isEmpty();
        assertThat(columns.created(column, course.issuer() + "/lineitems/7")).as("its scores can be sent").isTrue();
        assertThat(columns.lineItemOfScores(column)).isEqualTo(course.issuer() + "/lineitems/7");
    }

    @Test
    void aRetiredColumnThePlatformNeverHadIsForgotten() {
        Fixtures.CourseOf course = fixtures.course("retired");
        long column = columns.wanted(course.courseId(), "B2.1");
        columns.retire(column);
        assertThat(columns.lease(column)).isEmpty();
        assertThat(columns.exists(column)).isFalse();
    }

    @Test
    void registrationsSeeTheirOwnChangesAtOnceAndAnotherInstancesOnlyWhenTheirSnapshotExpires() {
        RegisteredPlatform saved = fixtures.platform("cache", true);
        assertThat(registrations.find(saved.id()).orElseThrow().enabled()).isTrue();
        fixtures.platform("cache", false);
        assertThat(registrations.find(saved.id()).orElseThrow().enabled()).as("changed here").isFalse();
        fixtures.platform("cache", true);
        assertThat(registrations.find(saved.id()).orElseThrow().enabled()).isTrue();
        fixtures.disableElsewhere(saved.id());
        assertThat(registrations.find(saved.id()).orElseThrow().enabled()).as("changed by another instance").isTrue();
        assertThat(registrations.list()).filteredOn(p -> p.id() == saved.id()).extracting(RegisteredPlatform::enabled)
                .containsExactly(false);
    }

    @Test
    void launchesAndTheRosterProvisionUsersAndMembersTheSameWay() {
        Fixtures.CourseOf course = fixtures.course("roster");
        String longName = "N".repeat(300);
        long teacher = fixtures.users(course.issuer(), Map.of("t1",
                new PersonClaims("Ada Lovelace", "Ada", "Lovelace", "ada@example.org"))).get("t1").id();
        ToolUser again = fixtures.users(course.issuer(), Map.of("t1",
                new PersonClaims(longName, null, null, "a".repeat(320) + "@example.org"))).get("t1");
        assertThat(again.id()).as("one user per (issuer, sub)").isEqualTo(teacher);
        assertThat(fixtures.user(teacher).displayName(false)).hasSize(255);
        // no e-mail address is kept, whatever the platform sends (data minimisation): ToolUser has none to read
        fixtures.member(course.courseId(), teacher, List.of(INSTRUCTOR));

        Roster.Outcome outcome = roster.store(course.courseId(), course.issuer(), List.of(
                new Memberships.Member("t1", "Ada", null, null, null, List.of(LEARNER), "Active"),
                new Memberships.Member("s1", longName, null, null, null, List.of(LEARNER), "Active"),
                new Memberships.Member("s2", "Bob", null, null, null, List.of(LEARNER), "Inactive")));

        assertThat(outcome.added()).isEqualTo(2);
        assertThat(outcome.inactive()).isEqualTo(1);
        assertThat(fixtures.members(course.courseId())).isEqualTo(3);
        assertThat(fixtures.roles(course.courseId(), teacher)).as("a launch's roles stay").containsExactly(INSTRUCTOR);
        ToolUser fromRoster = fixtures.users(course.issuer(), Map.of("s1", new PersonClaims(null, null, null, null)))
                .get("s1");
        assertThat(fixtures.user(fromRoster.id()).displayName(false)).as("cut as a launch cuts it").hasSize(255);
    }

    private long dueScore(String name) {
        Fixtures.CourseOf course = fixtures.course(name);
        long link = fixtures.link(course.courseId(), "link-" + name);
        long student = student(course, "s1");
        return outbox.due(new ScoreOutbox.ActivityLink(course.courseId(), 1, link, TWENTY), student,
                course.platformId(), "s1");
    }

    private long student(Fixtures.CourseOf course, String sub) {
        return fixtures.users(course.issuer(), Map.of(sub, new PersonClaims("Étudiant " + sub, null, null, null)))
                .get(sub).id();
    }
}
