package fr.competences.gradebook.columns;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.assessment.Mastery;
import fr.competences.assessment.MasteryRule;
import fr.competences.assessment.Scale;
import fr.competences.gradebook.rules.ColumnMode;
import fr.competences.gradebook.rules.Grade;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnGradesTest {

    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 2, 8, 0, 0, 0, ZoneOffset.UTC);

    static ColumnPlan.Column column(ColumnMode kind, String code, String... skills) {
        return new ColumnPlan.Column(code, kind, code, new LinkedHashSet<>(List.of(skills)));
    }

    static Mastery.Rating rating(long activity, int level, int minutesAfter) {
        Scale.Level scaleLevel = Scale.DEFAULT.level(level);
        return new Mastery.Rating(activity, "TP" + activity, level, scaleLevel.label(), scaleLevel.points(),
                T0.plusMinutes(minutesAfter));
    }

    @Test
    void aSkillColumnHoldsTheMasteryOutOf20WithItsPositioningsInTime() {
        var grade = ColumnGrades.grade(column(ColumnMode.SKILL, "B2.1", "B2.1"), MasteryRule.LATEST, Scale.DEFAULT,
                Map.of("B2.1", List.of(rating(2, 2, 30), rating(1, 1, 0))));
        // Acquis = 2 points of 3 → 13.33 / 20
        assertThat(grade).get().extracting(Grade::scoreGiven).isEqualTo(new BigDecimal("13.33"));
        assertThat(grade.get().scoreMaximum()).isEqualByComparingTo("20");
        assertThat(grade.get().comment()).isEqualTo("B2.1 Acquis\n– TP1 : En cours d’acquisition\n– TP2 : Acquis");
    }

    @Test
    void aBlocColumnIsTheMeanMasteryOfItsPositionedSkills() {
        var grade = ColumnGrades.grade(column(ColumnMode.BLOCK, "B2", "B2.1", "B2.2", "B2.3"), MasteryRule.HIGHEST,
                Scale.DEFAULT, Map.of("B2.1", List.of(rating(1, 3, 0), rating(2, 1, 5)), "B2.2", List.of(rating(1, 0, 0))));
        // (3 + 0) / (2 × 3) × 20 = 10; B2.3 never positioned is left out
        assertThat(grade).get().extracting(Grade::scoreGiven).isEqualTo(new BigDecimal("10.00"));
        assertThat(grade.get().comment()).isEqualTo("B2.1 Maîtrisé\nB2.2 Non acquis\nB2.3 Non évalué");
    }

    @Test
    void anAverageBetweenLevelsIsShownInPoints() {
        var grade = ColumnGrades.grade(column(ColumnMode.SKILL, "B2.1", "B2.1"), MasteryRule.AVERAGE, Scale.DEFAULT,
                Map.of("B2.1", List.of(rating(1, 3, 0), rating(2, 2, 5))));
        assertThat(grade).get().extracting(Grade::scoreGiven).isEqualTo(new BigDecimal("16.67"));
        assertThat(grade.get().comment()).startsWith("B2.1 2,5 / 3\n");
    }

    @Test
    void nothingIsSentWhileNoSkillOfTheColumnIsPositioned() {
        assertThat(ColumnGrades.grade(column(ColumnMode.BLOCK, "B1", "B1.1"), MasteryRule.LATEST, Scale.DEFAULT,
                Map.of("B2.1", List.of(rating(1, 3, 0))))).isEmpty();
    }
}
