package fr.competences.gradebook.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The grading rules as pure functions: an {@link Outcome} in, a {@link Grade} (2 decimals) out. */
public final class GradeRules {

    private static final int SCALE = 2;
    private static final int DIVISION_SCALE = 10;

    private GradeRules() {
    }

    /** The grade, or empty while no skill is assessed (nothing is sent then). */
    public static Optional<Grade> grade(GradeRule rule, Outcome outcome) {
        List<Outcome.SkillLevel> assessed = outcome.assessed();
        if (assessed.isEmpty() || totalWeight(assessed).signum() == 0) {
            return Optional.empty();
        }
        BigDecimal ratio = switch (rule) {
            case MEAN -> meanRatio(assessed, outcome.maxPoints());
            case ALL_ACQUIRED -> assessed.stream().allMatch(proficient(outcome)) ? BigDecimal.ONE
                    : meanRatio(assessed, outcome.maxPoints());
            case PROPORTION_ACQUIRED -> weightOf(assessed, proficient(outcome))
                    .divide(totalWeight(assessed), DIVISION_SCALE, RoundingMode.HALF_UP);
        };
        BigDecimal score = ratio.multiply(outcome.scoreMaximum()).setScale(SCALE, RoundingMode.HALF_UP);
        return Optional.of(new Grade(score, outcome.scoreMaximum(), comment(outcome)));
    }

    /** Longest skill title in the feedback: Moodle shows feedback in narrow report cells and pop-ups. */
    static final int FEEDBACK_TITLE_CHARS = 60;

    /**
     * One line per skill of the activity with its title and level, e.g. {@code B2.1.3 Modéliser une solution
     * applicative : Acquis} (a code alone means nothing to a student reading Moodle's gradebook), titles cut at
     * {@link #FEEDBACK_TITLE_CHARS}; then the teacher's comment: Moodle shows it as the grade's feedback.
     */
    public static String comment(Outcome outcome) {
        String skills = outcome.skills().stream().map(skill -> skill.code() + shortTitle(skill) + " : " + skill.level())
                .collect(Collectors.joining("\n"));
        String teacher = outcome.teacherComment();
        return teacher == null || teacher.isBlank() ? skills : skills + "\n\n" + teacher.strip();
    }

    private static String shortTitle(Outcome.SkillLevel skill) {
        String title = skill.title() == null ? "" : skill.title().strip();
        if (title.isEmpty() || title.equals(skill.code())) {
            return "";
        }
        return " " + (title.length() <= FEEDBACK_TITLE_CHARS ? title
                : title.substring(0, FEEDBACK_TITLE_CHARS - 1).strip() + "…");
    }

    private static BigDecimal meanRatio(List<Outcome.SkillLevel> assessed, int maxPoints) {
        BigDecimal weightedPoints = assessed.stream().map(s -> s.weight().multiply(BigDecimal.valueOf(s.points())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return weightedPoints.divide(totalWeight(assessed).multiply(BigDecimal.valueOf(maxPoints)), DIVISION_SCALE,
                RoundingMode.HALF_UP);
    }

    private static Predicate<Outcome.SkillLevel> proficient(Outcome outcome) {
        return skill -> skill.points() >= outcome.proficiencyPoints();
    }

    private static BigDecimal totalWeight(List<Outcome.SkillLevel> skills) {
        return weightOf(skills, skill -> true);
    }

    private static BigDecimal weightOf(List<Outcome.SkillLevel> skills, Predicate<Outcome.SkillLevel> which) {
        return skills.stream().filter(which).map(Outcome.SkillLevel::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
