package fr.competences.gradebook.outbox;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.lti.ags.Results;
import fr.competences.lti.ags.ServiceException;
import fr.competences.lti.registration.RegisteredPlatform;
import fr.competences.lti.registration.Registrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads an activity's (or a competency column's) grades back from the platform ({@code {lineitem}/results}) and shows where the gradebook
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
    public List<Difference> ofActivity(long courseId, long activityId) {
        return of(sent("activityId", courseId, activityId));
    }

    /** The same for a competency column. */
    public List<Difference> ofColumn(long courseId, long columnId) {
        return of(sent("columnId", courseId, columnId));
    }

    /** The course's cells of one activity or column ({@code target}: the field naming it) that have a line item. */
    private List<OutboxScore> sent(String target, long courseId, long id) {
        return em.createQuery("select s from OutboxScore s where s.courseId = :courseId and s." + target + " = :id "
                + "and s.lineItemUrl is not null order by s.lineItemUrl, s.userId", OutboxScore.class).setParameter("courseId", courseId)
                .setParameter("id", id).getResultList();
    }

    private List<Difference> of(List<OutboxScore> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var platform = registrations.find(rows.getFirst().platformId).orElseThrow();
        List<Difference> differences = new ArrayList<>();
        // an activity opened from several links has a column per link: each is read back on its own, in the rows'
        // order (line item, then student), so that every read, and a restored copy's, answers in the same order
        Map<String, List<OutboxScore>> byLineItem = rows.stream()
                .collect(Collectors.groupingBy(row -> row.lineItemUrl, LinkedHashMap::new, Collectors.toList()));
        byLineItem.forEach((lineItem, cellsOfItem) -> {
            Map<String, Results.Result> held = read(platform, lineItem);
            cellsOfItem.stream().filter(row -> row.scoreGiven != null).forEach(row -> differences.add(
                    compare(row.userId, row.scoreGiven, row.scoreMaximum, held.get(row.userSub))));
        });
        return differences;
    }

    private Map<String, Results.Result> read(RegisteredPlatform platform, String lineItem) {
        try {
            return results.list(platform, lineItem).stream().filter(r -> r.userId() != null)
                    .collect(Collectors.toMap(Results.Result::userId, Function.identity(), (a, b) -> a));
        } catch (ServiceException unreachable) {
            String status = unreachable.status() == 0 ? "" : "HTTP " + unreachable.status() + " ";
            throw new ProblemException(502, "gradebook-unreadable",
                    LocalizedText.of("Carnet de notes illisible", "Gradebook unreadable"),
                    LocalizedText.of("La plateforme n’a pas donné les notes (" + status + unreachable.platformMessage()
                            + ") : réessayez dans un moment.", "The platform did not give the grades (" + status
                            + unreachable.platformMessage() + "): try again in a moment."));
        }
    }

    /**
     * Compares at the tool's scale. Moodle omits {@code resultScore} for a 0 grade (docs/moodle.md P-10): a result without
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
