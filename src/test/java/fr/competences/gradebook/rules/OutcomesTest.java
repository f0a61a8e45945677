package fr.competences.gradebook.rules;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.assessment.ActivityView;
import fr.competences.assessment.Scale;
import fr.competences.assessment.SheetView;
import fr.competences.referential.ItemKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    static final ActivityView ACTIVITY = new ActivityView(7, 1, "bts-sio", "Sauvegardes", null, 20, List.of(
            new ActivityView.Skill("B1.1", "Gérer le patrimoine", ItemKind.values()[0], 2),
            new ActivityView.Skill("B1.2", "Répondre aux incidents", ItemKind.values()[0], 1)), 1);

    @Test
    void levelsBecomePointsOfTheCourseScaleAndLabelsForTheComment() {
        SheetView sheet = new SheetView(42, 3, Map.of("B1.1", 3), "Très bien", Map.of());

        Outcome outcome = Outcomes.of(ACTIVITY, Scale.DEFAULT, sheet);

        assertThat(outcome.scoreMaximum()).isEqualByComparingTo("20");
        assertThat(outcome.maxPoints()).isEqualTo(3);
        assertThat(outcome.proficiencyPoints()).isEqualTo(2);
        assertThat(outcome.skills()).extracting(Outcome.SkillLevel::code, Outcome.SkillLevel::points,
                Outcome.SkillLevel::level, Outcome.SkillLevel::weight).containsExactly(
                org.assertj.core.groups.Tuple.tuple("B1.1", 3, "Maîtrisé", new BigDecimal("2.0")),
                org.assertj.core.groups.Tuple.tuple("B1.2", null, "Non évalué", new BigDecimal("1.0")));
        assertThat(GradeRules.grade(GradeRule.MEAN, outcome)).get().satisfies(grade -> {
            assertThat(grade.scoreGiven()).isEqualByComparingTo("20.00");
            assertThat(grade.comment()).isEqualTo("B1.1 Gérer le patrimoine : Maîtrisé\nB1.2 Répondre aux incidents : "
                    + "Non évalué\n\nTrès bien");
        });
    }

    @Test
    void aStudentWithoutSheetHasNothingAssessed() {
        assertThat(GradeRules.grade(GradeRule.MEAN, Outcomes.of(ACTIVITY, Scale.DEFAULT, null))).isEmpty();
    }
}
