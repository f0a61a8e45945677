package fr.competences.gradebook.columns;

import fr.competences.assessment.Mastery;
import fr.competences.assessment.MasteryRule;
import fr.competences.assessment.Scale;
import fr.competences.gradebook.rules.ColumnMode;
import fr.competences.gradebook.rules.Grade;
import fr.competences.gradebook.rules.Outcomes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The grade of a competency column, as a pure function: the mean mastery of its skills over the scale's highest
 * points, out of {@value #MAXIMUM}; the comment gives each skill's mastery and, for a skill column, its
 * positionings in time order, so the student sees where the number comes from.
 */
public final class ColumnGrades {

    /** Every competency column is out of 20, the usual French grade. */
    public static final int MAXIMUM = 20;

    private ColumnGrades() {
    }

    /** Empty while none of the column's skills is positioned (nothing is sent then). */
    static Optional<Grade> grade(ColumnPlan.Column column, MasteryRule rule, Scale scale,
            Map<String, List<Mastery.Rating>> ratingsByCode) {
        int maxPoints = scale.levels().stream().mapToInt(Scale.Level::points).max().orElse(0);
        List<String> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int assessed = 0;
        for (String code : column.skills()) {
            Optional<BigDecimal> mastery = Mastery.points(rule, ratingsByCode.getOrDefault(code, List.of()));
            lines.add(code + " " + mastery.map(points -> Mastery.label(scale, points, Locale.FRENCH)).orElse(Outcomes.NOT_ASSESSED));
            if (mastery.isPresent()) {
                total = total.add(mastery.get());
                assessed++;
            }
        }
        if (assessed == 0 || maxPoints == 0) {
            return Optional.empty();
        }
        if (column.kind() == ColumnMode.SKILL) {
            ratingsByCode.getOrDefault(column.skills().iterator().next(), List.of()).stream().sorted(Mastery.IN_TIME)
                    .forEach(rating -> lines.add("– " + rating.activityTitle() + " : " + rating.label()));
        }
        BigDecimal score = total.multiply(BigDecimal.valueOf(MAXIMUM))
                .divide(BigDecimal.valueOf((long) assessed * maxPoints), 2, RoundingMode.HALF_UP);
        return Optional.of(new Grade(score, BigDecimal.valueOf(MAXIMUM), String.join("\n", lines)));
    }
}
