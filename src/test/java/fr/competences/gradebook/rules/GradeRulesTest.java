package fr.competences.gradebook.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradeRulesTest {

    static final BigDecimal TWENTY = new BigDecimal("20");

    static Outcome.SkillLevel skill(String code, int weight, Integer points) {
        String level = points == null ? "Non évalué" : switch (points) {
            case 0 -> "Non acquis";
            case 1 -> "En cours d'acquisition";
            case 2 -> "Acquis";
            default -> "Maîtrisé";
        };
        return new Outcome.SkillLevel(code, "Titre " + code, BigDecimal.valueOf(weight), points, level);
    }

    static Outcome outcome(Outcome.SkillLevel... skills) {
        return new Outcome(TWENTY, 3, 2, List.of(skills), null);
    }

    @Test
    void meanOfAssessedSkillsWeightedOverMaximumPoints() {
        // (2×1 + 3×1) / (2 × 3) × 20 = 16.666… → 16.67; the skill not assessed is left out
        Outcome outcome = outcome(skill("B2.1.3", 1, 2), skill("B2.1.4", 1, 3), skill("B2.2.1", 5, null));
        assertThat(GradeRules.grade(GradeRule.MEAN, outcome)).get()
                .extracting(Grade::scoreGiven).isEqualTo(new BigDecimal("16.67"));
        // weights count: (2×3 + 0×1) / (4 × 3) × 20 = 10
        assertThat(GradeRules.grade(GradeRule.MEAN, outcome(skill("A", 3, 2), skill("B", 1, 0)))).get()
                .extracting(Grade::scoreGiven).isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void noGradeWhileNothingIsAssessed() {
        for (GradeRule rule : GradeRule.values()) {
            assertThat(GradeRules.grade(rule, outcome(skill("B1.1", 1, null)))).isEmpty();
            assertThat(GradeRules.grade(rule, outcome())).isEmpty();
        }
    }

    @Test
    void allAcquiredGivesFullMarksOtherwiseTheMean() {
        assertThat(GradeRules.grade(GradeRule.ALL_ACQUIRED, outcome(skill("A", 1, 2), skill("B", 1, 3)))).get()
                .extracting(Grade::scoreGiven).isEqualTo(new BigDecimal("20.00"));
        assertThat(GradeRules.grade(GradeRule.ALL_ACQUIRED, outcome(skill("A", 1, 1), skill("B", 1, 3)))).get()
                .extracting(Grade::scoreGiven).isEqualTo(new BigDecimal("13.33"));
    }

    @Test
    void proportionOfSkillsAtOrAboveAcquis() {
        Outcome outcome = outcome(skill("A", 1, 2), skill("B", 1, 3), skill("C", 1, 1), skill("D", 1, null));
        assertThat(GradeRules.grade(GradeRule.PROPORTION_ACQUIRED, outcome)).get()
                .extracting(Grade::scoreGiven).isEqualTo(new BigDecimal("13.33"));
        assertThat(GradeRules.grade(GradeRule.PROPORTION_ACQUIRED, outcome(skill("A", 1, 0)))).get()
                .extracting(Grade::scoreGiven).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void roundsHalfUpToTwoDecimalsOfTheActivityMaximum() {
        Outcome outOf100 = new Outcome(new BigDecimal("100"), 3, 2, List.of(skill("A", 1, 1), skill("B", 2, 2)),
                null);
        // (1 + 4) / 9 × 100 = 55.555… → 55.56
        assertThat(GradeRules.grade(GradeRule.MEAN, outOf100)).get()
                .extracting(Grade::scoreGiven, Grade::scoreMaximum)
                .containsExactly(new BigDecimal("55.56"), new BigDecimal("100"));
    }

    @Test
    void frenchCommentListsEverySkillWithItsLevel() {
        Outcome outcome = outcome(skill("B2.1.3", 1, 2), skill("B2.1.4", 1, 1), skill("B2.2.1", 1, null));
        assertThat(GradeRules.grade(GradeRule.MEAN, outcome)).get().extracting(Grade::comment)
                .isEqualTo("B2.1.3 Titre B2.1.3 : Acquis\nB2.1.4 Titre B2.1.4 : En cours d'acquisition\n"
                        + "B2.2.1 Titre B2.2.1 : Non évalué");
        Outcome commented = new Outcome(TWENTY, 3, 2, List.of(skill("B2.1.3", 1, 2)), " Bon travail. ");
        assertThat(GradeRules.comment(commented)).isEqualTo("B2.1.3 Titre B2.1.3 : Acquis\n\nBon travail.");
    }

    @Test
    void longTitlesAreCutInTheFeedbackAndACodeAloneStaysACode() {
        Outcome outcome = outcome(new Outcome.SkillLevel("B2.1.6", "Exploiter les technologies Web pour mettre en œuvre "
                + "les échanges entre applications, y compris de mobilité", BigDecimal.ONE, 2, "Acquis"),
                new Outcome.SkillLevel("X9", "X9", BigDecimal.ONE, null, "Non évalué"));
        String first = GradeRules.comment(outcome).lines().findFirst().orElseThrow();
        assertThat(first).startsWith("B2.1.6 Exploiter les technologies Web").endsWith("… : Acquis");
        assertThat(first.length()).isLessThanOrEqualTo("B2.1.6 ".length() + GradeRules.FEEDBACK_TITLE_CHARS
                + " : Acquis".length());
        assertThat(GradeRules.comment(outcome).lines().skip(1).findFirst()).contains("X9 : Non évalué");
    }
}
