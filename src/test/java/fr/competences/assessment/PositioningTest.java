package fr.competences.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.errors.ProblemException.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PositioningTest {

    static final List<String> SKILLS = List.of("B2.1", "B2.2.1");

    @Test
    void listsEachChangedLevelOldToNewAndIgnoresUnchangedOnes() {
        Map<String, Integer> levels = Map.of("B2.1", 1, "B2.2.1", 2);
        SheetUpdate update = new SheetUpdate(7, 3, withNull(Map.of("B2.1", 2, "B2.2.1", 2)), null);

        assertThat(Positioning.changes(levels, "Bien", update))
                .containsExactly(new Positioning.Change("B2.1", 1, 2));
    }

    @Test
    void backToNonEvalueIsAChangeToNull() {
        Map<String, Integer> levels = new HashMap<>();
        levels.put("B2.2.1", null);
        SheetUpdate update = new SheetUpdate(7, 3, levels, null);

        assertThat(Positioning.changes(Map.of("B2.1", 1, "B2.2.1", 3), null, update))
                .containsExactly(new Positioning.Change("B2.2.1", 3, null));
    }

    @Test
    void aCommentAloneIsOneChangeWithoutCodeAndABlankCommentRemovesIt() {
        assertThat(Positioning.changes(Map.of(), "Bien", new SheetUpdate(7, 1, Map.of(), " À revoir ")))
                .containsExactly(new Positioning.Change(null, null, null));
        assertThat(Positioning.cleanComment(" À revoir ")).isEqualTo("À revoir");
        assertThat(Positioning.cleanComment("  ")).isNull();
        assertThat(Positioning.changes(Map.of(), "Bien", new SheetUpdate(7, 1, Map.of(), "Bien"))).isEmpty();
        assertThat(Positioning.changes(Map.of(), "Bien", new SheetUpdate(7, 1, Map.of(), null))).isEmpty();
    }

    @Test
    void refusesOtherStudentsUnknownSkillsLevelsOutOfScaleAndLongComments() {
        List<SheetUpdate> updates = List.of(
                new SheetUpdate(7, 0, Map.of("B1.1", 2), null),
                new SheetUpdate(8, 0, Map.of("B2.1", 4), "x".repeat(2001)),
                new SheetUpdate(99, 0, Map.of(), null),
                new SheetUpdate(7, 0, Map.of(), null));

        List<Problem> problems = Positioning.problems(updates, SKILLS, Set.of(7L, 8L));

        assertThat(problems).extracting(Problem::location).containsExactly("rows[0].levels.B1.1",
                "rows[1].levels.B2.1", "rows[1].comment", "rows[2]", "rows[3]");
        assertThat(problems.get(3).message().fr()).isEqualTo("L’utilisateur 99 n’est pas un étudiant de ce cours.");
    }

    private static Map<String, Integer> withNull(Map<String, Integer> levels) {
        return new HashMap<>(levels);
    }
}
