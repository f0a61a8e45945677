package fr.competences.gradebook.columns;

import fr.competences.errors.LocalizedText;
import fr.competences.gradebook.outbox.DeliveryStatus;
import fr.competences.gradebook.outbox.LineItemFinder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Where each competency column of a course stands on the platform, for the teacher: its line item created, being
 * created or deleted, or refused (with what to do), and its cells' counts. One query per course.
 */
@ApplicationScoped
@Transactional
public class ColumnStatus {

    /** Where a competency column stands on the platform. */
    public enum ColumnState { CREATING, CREATED, DELETING, FAILED }

    public record ColumnSummary(long columnId, String code, String label, ColumnState state, LocalizedText explanation,
            int synced, int pending, int failed) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    /** The course's competency columns (those being deleted too), in code order, with their cells' counts. */
    public List<ColumnSummary> columns(long courseId, List<DeliveryStatus.Cell> cells) {
        Map<Long, int[]> counts = DeliveryStatus.counts(cells, DeliveryStatus.Cell::columnId);
        return em.createNamedQuery(CompetencyColumn.OF_COURSE, CompetencyColumn.class).setParameter("courseId", courseId)
                .getResultStream().sorted(Comparator.comparing(CompetencyColumn::code, ColumnPlan.NATURAL))
                .map(column -> {
                    int[] count = counts.getOrDefault(column.id, new int[3]);
                    ColumnState state = state(column);
                    return new ColumnSummary(column.id, column.code, column.label, state,
                            state == ColumnState.FAILED ? columnFailure(column.lastHttpStatus, column.lastMessage)
                                    : null, count[1], count[0], count[2]);
                }).toList();
    }

    private static ColumnState state(CompetencyColumn column) {
        if (column.lastMessage != null) {
            return ColumnState.FAILED;
        }
        if (column.retired) {
            return ColumnState.DELETING;
        }
        return column.lineItemUrl == null ? ColumnState.CREATING : ColumnState.CREATED;
    }

    static LocalizedText columnFailure(Integer http, String message) {
        if (message.startsWith(LineItemFinder.GRADE_SYNC_ONLY)) {
            return LocalizedText.of("Moodle n’autorise à l’outil que « la synchronisation des notes » : il ne peut pas "
                    + "créer les colonnes de compétences. Demandez à l’administrateur le réglage « synchronisation des "
                    + "notes et gestion des colonnes » pour l’outil, puis renvoyez les notes.", "Moodle allows the tool "
                    + "\"grade sync only\": it cannot create competency columns. Ask the administrator for \"grade "
                    + "sync and column management\" for the tool, then resend the grades.");
        }
        if (!message.equals(LineItemFinder.NO_AGS) && !message.equals("platform-disabled")) {
            return LocalizedText.of("La plateforme n’a pas accepté la modification de la colonne ("
                    + DeliveryStatus.describe(http, message, false) + ") : nouvel essai automatique, ou renvoyez les "
                    + "notes.", "The platform did not accept the change of the column ("
                    + DeliveryStatus.describe(http, message, true) + "): it will be retried automatically, or resend "
                    + "the grades.");
        }
        return DeliveryStatus.failure(http, message);
    }
}
