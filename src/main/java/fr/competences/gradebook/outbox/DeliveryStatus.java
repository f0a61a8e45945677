package fr.competences.gradebook.outbox;

import fr.competences.errors.LocalizedText;
import fr.competences.gradebook.rules.Grade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where each score of a course stands, for the teacher: per student and activity or competency column (synced /
 * pending / failed, with what the platform said and what to do), and per activity. A constant number of queries per
 * course.
 */
@ApplicationScoped
@Transactional
public class DeliveryStatus {

    /**
     * One gradebook cell, of an activity or of a competency column (the other null). {@code explanation} says, in
     * the teacher's words, what the platform's answer means.
     */
    public record Cell(Long activityId, Long columnId, long userId, OutboxScore.Status status, BigDecimal scoreGiven,
            Integer httpStatus, String platformMessage, LocalizedText explanation, OffsetDateTime syncedAt) {
    }

    public record ActivitySummary(long activityId, int synced, int pending, int failed) {
    }

    /**
     * An activity whose grades wait for a gradebook column (deep-linked, never opened in the platform, its column not
     * found there): {@code positioned} students have positions, none sent yet; {@code explanation} says what to do.
     */
    public record WaitingActivity(long activityId, long positioned, LocalizedText explanation) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @jakarta.inject.Inject
    WaitingActivities waiting;

    public List<Cell> cells(long courseId) {
        return em.createNamedQuery(OutboxScore.OF_COURSE, OutboxScore.class).setParameter("courseId", courseId)
                .getResultList().stream()
                .sorted(Comparator.comparing(OutboxScore::activityId, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(OutboxScore::columnId, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingLong(OutboxScore::userId))
                .map(row -> new Cell(row.activityId, row.columnId, row.userId, row.status, row.scoreGiven,
                        row.lastHttpStatus, row.lastMessage, explain(row), row.syncedAt))
                .toList();
    }

    public List<ActivitySummary> activities(List<Cell> cells) {
        Map<Long, int[]> counts = counts(cells, Cell::activityId);
        return counts.entrySet().stream().map(e -> new ActivitySummary(e.getKey(), e.getValue()[1], e.getValue()[0],
                e.getValue()[2])).toList();
    }

    /** The course's activities whose grades wait for a gradebook column, with what the teacher must do. */
    public List<WaitingActivity> waiting(long courseId) {
        return waiting.ofCourse(courseId).stream().map(w -> new WaitingActivity(w.activityId(), w.positioned(),
                waitingExplanation(w))).toList();
    }

    static LocalizedText waitingExplanation(WaitingActivities.Waiting waiting) {
        String open = "Ouvrez l’activité une fois dans Moodle (un clic sur l’activité dans le cours suffit) : ses notes "
                + "partiront alors d’elles-mêmes.";
        String openEn = "Open the activity once in Moodle (one click on the activity in the course is enough): its "
                + "grades are then sent by themselves.";
        if (waiting.attempts() == 0) {
            return LocalizedText.of("Recherche de sa colonne dans le carnet de notes de Moodle. Si elle n’est pas "
                    + "trouvée : " + open.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + open.substring(1),
                    "Looking for its column in Moodle's gradebook. If it is not found: "
                            + openEn.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + openEn.substring(1));
        }
        String message = waiting.lastMessage() == null ? "" : waiting.lastMessage();
        if (message.equals(WaitingActivities.NOT_FOUND)) {
            return LocalizedText.of("Moodle n’a pas de colonne de notes pour cette activité tant qu’elle n’a pas été "
                    + "ouverte (ou n’accepte pas les notes de l’outil). " + open, "Moodle has no gradebook column for "
                    + "this activity until it is opened (or does not accept grades from the tool). " + openEn);
        }
        return LocalizedText.of("Sa colonne n’a pas pu être cherchée dans Moodle (" + describe(waiting.lastHttpStatus(),
                message, false) + ") : nouvel essai automatique. " + open, "Its column could not be looked for in "
                + "Moodle (" + describe(waiting.lastHttpStatus(), message, true) + "): it will be retried "
                + "automatically. " + openEn);
    }

    /** Cells counted by activity or column ({@code key}), as {PENDING, SYNCED, FAILED}. */
    public static Map<Long, int[]> counts(List<Cell> cells, Function<Cell, Long> key) {
        Map<Long, int[]> counts = new TreeMap<>();
        cells.stream().filter(cell -> key.apply(cell) != null)
                .forEach(cell -> counts.computeIfAbsent(key.apply(cell), id -> new int[3])[cell.status().ordinal()]++);
        return counts;
    }

    static LocalizedText explain(OutboxScore row) {
        String message = row.lastMessage == null ? "" : row.lastMessage;
        Integer http = row.lastHttpStatus;
        return switch (row.status) {
            case SYNCED -> http != null && http == 409
                    ? LocalizedText.of("Le carnet de notes avait déjà une note plus récente (modifiée dans Moodle ?) : "
                            + "elle est conservée.", "The gradebook already held a newer grade (changed in Moodle?): "
                            + "it is kept.")
                    : LocalizedText.of("Note transmise au carnet de notes.", "Grade sent to the gradebook.");
            case PENDING -> row.attempts == 0
                    ? LocalizedText.of("En cours d’envoi.", "Being sent.")
                    : LocalizedText.of("La plateforme n’a pas encore accepté la note (" + describe(http, message, false)
                            + ") : nouvel essai automatique.", "The platform has not accepted the grade yet ("
                            + describe(http, message, true) + "): it will be retried automatically.");
            case FAILED -> failure(http, message);
        };
    }

    /** Why a score or a column failed, in the teacher's words. */
    public static LocalizedText failure(Integer http, String message) {
        if (message.startsWith(LineItemFinder.GRADE_SYNC_ONLY)) {
            return LocalizedText.of("Cette activité n’a pas de colonne dans le carnet de notes et Moodle n’autorise que "
                    + "« la synchronisation des notes » : cochez « Accepter les notes de l’outil » dans les réglages de "
                    + "l’activité, ou demandez à l’administrateur le réglage « synchronisation des notes et gestion des "
                    + "colonnes », puis renvoyez les notes.", "This activity has no gradebook column and Moodle allows "
                    + "\"grade sync only\": tick \"Accept grades from the tool\" in the activity settings, or ask the "
                    + "administrator for \"grade sync and column management\", then resend the grades.");
        }
        if (message.equals(LineItemFinder.NO_AGS)) {
            return LocalizedText.of("Le service de notes (AGS) n’est pas activé pour l’outil dans ce cours.",
                    "The grade service (AGS) is not enabled for the tool in this course.");
        }
        if (message.equals("platform-disabled")) {
            return LocalizedText.of("La plateforme est désactivée dans l’outil : voyez avec l’administrateur.",
                    "The platform is disabled in the tool: ask the administrator.");
        }
        if (http != null && http == 400) {
            String said = said(message);
            return LocalizedText.of("Moodle refuse la note" + (said == null ? "" : " (« " + said + " »)")
                    + " : seuls les étudiants inscrits au cours avec un rôle noté peuvent en recevoir une.",
                    "Moodle refuses the grade" + (said == null ? "" : " (\"" + said + "\")")
                    + ": only students enrolled with a graded role can receive one.");
        }
        if (http != null && http == 404) {
            return LocalizedText.of("La colonne de notes n’existe plus dans Moodle (" + message + ").",
                    "The gradebook column no longer exists in Moodle (" + message + ").");
        }
        return LocalizedText.of("Abandon après de nombreux essais (" + describe(http, message, false) + ") : renvoyez "
                + "les notes quand la plateforme répond à nouveau.", "Given up after many attempts ("
                + describe(http, message, true) + "): resend the grades once the platform answers again.");
    }

    public static String describe(Integer http, String message, boolean english) {
        String status = http != null && http != 0 ? "HTTP " + http : english ? "no answer" : "pas de réponse";
        String said = said(message);
        return said == null ? status : status + (english ? ": " : " : ") + said;
    }

    /**
     * What the platform said, or null when it said nothing a teacher can read: Moodle often answers a refused score
     * with an empty JSON body ({@code []}, {@code {}}), which a page must not quote as « [] ».
     */
    static String said(String message) {
        if (message == null) {
            return null;
        }
        String stripped = message.strip();
        return stripped.isEmpty() || stripped.matches("[\\[\\]{}\"\\s,]*") || stripped.equalsIgnoreCase("null")
                ? null : stripped;
    }
}
