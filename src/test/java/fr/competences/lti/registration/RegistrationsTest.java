package fr.competences.lti.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The in-memory snapshot never outlives a change committed on this instance, even one committed while it loads; what a
 * session needs of it to go on.
 */
class RegistrationsTest {

    static final RegisteredPlatform ENABLED = platform(true);
    static final RegisteredPlatform DISABLED = platform(false);

    @Test
    void aChangeCommittedHereIsSeenByTheNextRead() {
        Database database = new Database(ENABLED);
        assertThat(database.find(7)).hasValue(ENABLED);

        database.rows = List.of(DISABLED);
        database.changed();

        assertThat(database.find(7)).hasValue(DISABLED);
    }

    @Test
    void rowsReadWhileAChangeCommitsAreNotKeptAsCurrent() {
        Database database = new Database(ENABLED);
        database.commitDuringNextLoad = List.of(DISABLED);

        assertThat(database.find(7)).as("read before the commit").hasValue(ENABLED);
        assertThat(database.find(7)).hasValue(DISABLED);
    }

    @Test
    void withoutChangeTheSnapshotIsReused() {
        Database database = new Database(ENABLED);
        database.find(7);
        database.find(7);

        assertThat(database.loads).isEqualTo(1);
    }

    @Test
    void aChangeMadeThroughAnotherInstanceIsSeenOnceTheSnapshotIsOlderThanTheRefreshInterval() {
        Database database = new Database(ENABLED);
        Instant start = Instant.parse("2026-12-06T10:00:00Z");
        database.clock = Clock.fixed(start, ZoneOffset.UTC);
        database.find(7);
        database.rows = List.of(DISABLED); // committed elsewhere: nothing tells this instance

        database.clock = Clock.fixed(start.plusSeconds(5), ZoneOffset.UTC);
        assertThat(database.find(7)).as("within the interval").hasValue(ENABLED);
        database.clock = Clock.fixed(start.plusSeconds(5).plusMillis(1), ZoneOffset.UTC);
        assertThat(database.find(7)).hasValue(DISABLED);
    }

    @Test
    void aPlatformRegisteredThroughAnotherInstanceIsFoundAtItsFirstLaunch() {
        Database database = new Database();
        Instant start = Instant.parse("2026-12-06T10:00:00Z");
        database.clock = Clock.fixed(start, ZoneOffset.UTC);
        assertThat(database.snapshot()).as("loaded for a page's frame-ancestors, say").isEmpty();
        database.rows = List.of(ENABLED); // committed elsewhere

        database.clock = Clock.fixed(start.plusMillis(200), ZoneOffset.UTC);
        assertThat(database.find("https://moodle.lycee.fr", "client-42")).hasValue(ENABLED);
        assertThat(database.loads).isEqualTo(2);
    }

    @Test
    void unknownPlatformsReadTheDatabaseAtMostOnceASecond() {
        Database database = new Database(ENABLED);
        Instant start = Instant.parse("2026-12-06T10:00:00Z");
        database.clock = Clock.fixed(start, ZoneOffset.UTC);
        database.find(7);
        for (int i = 0; i < 50; i++) {
            assertThat(database.find("https://forged.example", "x" + i)).isEmpty();
        }
        assertThat(database.loads).as("the first miss reads again, the others within its second do not").isEqualTo(2);

        database.clock = Clock.fixed(start.plusMillis(1000), ZoneOffset.UTC);
        assertThat(database.withIssuer("https://forged.example")).isEmpty();
        assertThat(database.withIssuer("https://forged.example")).isEmpty();
        assertThat(database.loads).isEqualTo(3);
    }

    @Test
    void aPlatformDisabledElsewhereIsNotReadAgainBeforeTheRefreshInterval() {
        Database database = new Database(ENABLED);
        Instant start = Instant.parse("2026-12-06T10:00:00Z");
        database.clock = Clock.fixed(start, ZoneOffset.UTC);
        database.find(7);
        database.rows = List.of(DISABLED);

        database.clock = Clock.fixed(start.plusSeconds(2), ZoneOffset.UTC);
        assertThat(database.find(7)).hasValue(ENABLED);
        assertThat(database.loads).isEqualTo(1);
    }

    @Test
    void sessionsGoOnOnlyThroughAnEnabledDeploymentOfAnEnabledPlatform() {
        assertThat(ENABLED.admits(70)).isTrue();
        assertThat(ENABLED.admits(71)).as("a deployment left out is disabled").isFalse();
        assertThat(DISABLED.admits(70)).isFalse();
    }

    /** Registrations over rows held in memory, counting its reads of them. */
    static final class Database extends Registrations {

        List<RegisteredPlatform> rows;
        List<RegisteredPlatform> commitDuringNextLoad;
        int loads;

        Database(RegisteredPlatform... rows) {
            this.rows = List.of(rows);
            refresh = new SnapshotRefresh();
            refresh.configured = "PT5S";
        }

        @Override
        List<RegisteredPlatform> load() {
            loads++;
            List<RegisteredPlatform> read = rows;
            if (commitDuringNextLoad != null) {
                rows = commitDuringNextLoad;
                commitDuringNextLoad = null;
                changed();
            }
            return read;
        }
    }

    private static RegisteredPlatform platform(boolean enabled) {
        return new RegisteredPlatform(7, "https://moodle.lycee.fr", "client-42", "Moodle", "https://moodle.lycee.fr/a",
                null, "https://moodle.lycee.fr/j", enabled, Platform.RegisteredBy.ADMIN, Map.of("3", 70L));
    }
}
