package fr.competences.gradebook;

import fr.competences.lti.ags.Results;
import fr.competences.lti.registration.Registrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads an activity's grades back from the platform ({@code {lineitem}/results}) and shows where the gradebook
 * differs from the tool, e.g. a grade a teacher overrode in Moodle: shown, never silently fought.
 */
@ApplicationScoped
public class GradebookDifferences {

    public enum Kind { SAME, DIFFERENT, MISSING }

    /** The tool's score and the gradebook's, both out of the tool's scoreMaximum ({@code platformScore} may be null). */
    public record Difference(long userId, Kind kind, BigDecimal toolScore, BigDecimal platformScore,
            BigDecimal scoreMaximum) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    Results results;

    @Inject
    Registrations registrations;

    /** Empty when the tool sent nothing for this activity yet. */
    public List<Difference> of(long courseId, long activityId) {
        List<ScoreSync> rows = em.createNamedQuery(ScoreSync.OF_COURSE, ScoreSync.class).setParameter("courseId", courseId)
                .getResultStream().filter(row -> Long.valueOf(activityId).equals(row.activityId) && row.lineItemUrl != null).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        var platform = registrations.find(rows.getFirst().platformId).orElseThrow();
        Map<String, Results.Result> held = results.list(platform, rows.getFirst().lineItemUrl).stream()
                .filter(r -> r.userId() != null)
                .collect(Collectors.toMap(Results.Result::userId, Function.identity(), (a, b) -> a));
        List<Difference> differences = new ArrayList<>();
        rows.stream().filter(row -> row.scoreGiven != null)
                .forEach(row -> differences.add(compare(row.userId, row.scoreGiven, row.scoreMaximum,
                        held.get(row.userSub))));
        return differences;
    }

    /**
     * Compares at the tool's scale. Moodle omits {@code resultScore} for a 0 grade (lti-facts P-10): a result without
     * a score matches a tool score of 0.
     */
    static Difference compare(long userId, BigDecimal toolScore, BigDecimal scoreMaximum, Results.Result result) {
        if (result == null) {
            return new Difference(userId, Kind.MISSING, toolScore, null, scoreMaximum);
        }
        BigDecimal platformScore = result.resultScore() == null ? BigDecimal.ZERO
                : result.resultMaximum() == null || result.resultMaximum().signum() == 0 ? result.resultScore()
                : result.resultScore().multiply(scoreMaximum).divide(result.resultMaximum(), MathContext.DECIMAL64);
        boolean same = platformScore.subtract(toolScore).abs().compareTo(new BigDecimal("0.005")) <= 0;
        return new Difference(userId, same ? Kind.SAME : Kind.DIFFERENT, toolScore,
                platformScore.setScale(2, java.math.RoundingMode.HALF_UP), scoreMaximum);
    }
}
