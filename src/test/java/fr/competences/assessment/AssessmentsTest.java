package fr.competences.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.competences.audit.Audit;
import fr.competences.audit.AuditEvent;
import fr.competences.errors.ProblemException;
import fr.competences.referential.ItemKind;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The save of a grid without a container: what changes, what the history records, which event is fired, which
 * audit lines are written.
 */
class AssessmentsTest {

    static final long COURSE = 3;
    static final long ACTIVITY = 12;
    static final long TEACHER = 1;
    static final long ALAN = 7;
    static final long GRACE = 8;
    static final OffsetDateTime EARLIER = OffsetDateTime.parse("2026-11-02T08:00:00Z");
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-30T09:00:00Z");

    final List<Object> persisted = new ArrayList<>();
    final List<Object> fired = new ArrayList<>();
    final List<Sheet> stored = new ArrayList<>();
    final List<AuditEvent> audited = new ArrayList<>();
    final Assessments assessments = new Assessments();

    AssessmentsTest() {
        assessments.clock = Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC);
        assessments.activities = new Activities() {
            @Override
            public Optional<ActivityView> find(long courseId, long activityId) {
                return Optional.of(new ActivityView(ACTIVITY, COURSE, "bts-sio-2019-slam", "TP", null, 20, List.of(
                        new ActivityView.Skill("B2.1", "Concevoir", ItemKind.COMPETENCE, 1),
                        new ActivityView.Skill("B2.2.1", "Recueillir", ItemKind.SAVOIR_FAIRE, 2)), 1))
                        .filter(a -> courseId == COURSE && activityId == ACTIVITY);
            }
        };
        assessments.em = entityManager();
        assessments.positionsChanged = event();
        assessments.audit = new Audit() {
            @Override
            public void record(AuditEvent event) {
                audited.add(event);
            }
        };
        Sheet alan = new Sheet(ACTIVITY, ALAN, EARLIER);
        alan.position("B2.1", 1, EARLIER);
        alan.position("B2.2.1", 2, EARLIER);
        alan.comment = "Bien";
        alan.version = 4;
        stored.add(alan);
    }

    @Test
    void savesChangedRowsRecordsEachChangeAndFiresOneEventForTheChangedStudents() {
        List<SheetView> saved = assessments.save(COURSE, ACTIVITY, TEACHER, List.of(
                new SheetUpdate(ALAN, 4, Map.of("B2.1", 3), null),
                new SheetUpdate(GRACE, 0, Map.of("B2.2.1", 0), "À revoir")), Map.of(ALAN, "Alan Turing", GRACE, "Grace Hopper"));

        assertThat(saved).extracting(SheetView::studentUserId).containsExactly(ALAN, GRACE);
        assertThat(stored.get(0).levels()).containsEntry("B2.1", 3);
        assertThat(stored.get(0).positions.get("B2.1").changedAt).as("the time it was set").isEqualTo(NOW);
        assertThat(stored.get(0).positions.get("B2.2.1").changedAt).as("not sent: unchanged").isEqualTo(EARLIER);
        assertThat(stored.get(1).positions.get("B2.2.1").changedAt).isEqualTo(NOW);
        assertThat(stored.get(0).comment).as("unchanged when not sent").isEqualTo("Bien");
        assertThat(fired).containsExactly(new PositionsChanged(COURSE, ACTIVITY, Set.of(ALAN, GRACE)));
        List<PositionChange> history = persisted.stream().filter(PositionChange.class::isInstance)
                .map(PositionChange.class::cast).toList();
        assertThat(history).extracting(c -> c.studentUserId + " " + c.code + " " + c.oldLevel + "→" + c.newLevel
                + " " + c.comment + " by " + c.changedBy).containsExactly(
                        "7 B2.1 1→3 null by 1", "8 B2.2.1 null→0 À revoir by 1");
        assertThat(audited).as("one line per student changed, pointing at the history").containsExactly(
                new AuditEvent.PositionsChanged(COURSE, ACTIVITY, TEACHER, ALAN, List.of("B2.1"), false),
                new AuditEvent.PositionsChanged(COURSE, ACTIVITY, TEACHER, GRACE, List.of("B2.2.1"), true));
    }

    @Test
    void aRowThatDidNotChangeFiresNothing() {
        assessments.save(COURSE, ACTIVITY, TEACHER, List.of(new SheetUpdate(ALAN, 4, Map.of("B2.1", 1), "Bien")),
                Map.of(ALAN, "Alan Turing"));

        assertThat(fired).isEmpty();
        assertThat(persisted).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void aLevelSentAgainKeepsTheTimeItWasSetAndAClearedLevelIsGone() {
        assessments.save(COURSE, ACTIVITY, TEACHER, List.of(new SheetUpdate(ALAN, 4, levels("B2.1", 1, "B2.2.1", null),
                null)), Map.of(ALAN, "Alan Turing"));

        assertThat(stored.get(0).positions).containsOnlyKeys("B2.1");
        assertThat(stored.get(0).positions.get("B2.1").changedAt).isEqualTo(EARLIER);
    }

    @Test
    void aStaleRowRefusesTheWholeSaveBeforeAnyChange() {
        assertThatThrownBy(() -> assessments.save(COURSE, ACTIVITY, TEACHER, List.of(
                new SheetUpdate(GRACE, 0, Map.of("B2.1", 2), null),
                new SheetUpdate(ALAN, 3, Map.of("B2.1", 0), null)), Map.of(ALAN, "Alan Turing", GRACE, "Grace Hopper")))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(409);
                    assertThat(problem.errors()).extracting(ProblemException.Problem::location).containsExactly("rows[1]");
                    assertThat(problem.errors().getFirst().message().fr())
                            .isEqualTo("Alan Turing : modifié par un autre enseignant.");
                });
        assertThat(stored.get(0).levels()).containsEntry("B2.1", 1);
        assertThat(fired).isEmpty();
        assertThat(persisted).isEmpty();
    }

    @Test
    void anActivityOfAnotherCourseIsNotFound() {
        assertThatThrownBy(() -> assessments.save(99, ACTIVITY, TEACHER, List.of(), Map.of()))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
    }

    private static Map<String, Integer> levels(String code, Integer level, String other, Integer otherLevel) {
        Map<String, Integer> levels = new HashMap<>();
        levels.put(code, level);
        levels.put(other, otherLevel);
        return levels;
    }

    /** Just enough of JPA for a save: the named query of the rows, persist, flush and lock. */
    private EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "createNamedQuery" -> query();
                    case "persist" -> {
                        persisted.add(args[0]);
                        if (args[0] instanceof Sheet sheet) {
                            stored.add(sheet);
                        }
                        yield null;
                    }
                    case "flush", "lock" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private TypedQuery<Sheet> query() {
        Map<String, Object> parameters = new HashMap<>();
        return (TypedQuery<Sheet>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TypedQuery.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setParameter" -> {
                        parameters.put((String) args[0], args[1]);
                        yield proxy;
                    }
                    case "getResultList" -> stored.stream()
                            .filter(s -> ((List<?>) parameters.get("students")).contains(s.studentUserId)).toList();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private Event<PositionsChanged> event() {
        return (Event<PositionsChanged>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Event.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("fire")) {
                        fired.add(args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
