package fr.competences.assessment;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.input.BodyLimit;
import fr.competences.lti.course.CourseMembers;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.roster.CourseStudents;
import fr.competences.lti.roster.RosterRefresh;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import fr.competences.view.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.text.Collator;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The teacher's grid of an activity: students × assessed skills, its atomic save (each row carries the version
 * read; one stale row refuses the whole save with 409) and its history. Teachers of the session's course only.
 */
@ApplicationScoped
@Path("api/activities/{id}/grid")
@Produces(MediaType.APPLICATION_JSON)
@LtiSession(CourseRole.TEACHER)
@Tag(name = "Positionnement", description = "Grille étudiants × compétences d'une activité")
public class GridResource {

    /**
     * The grid: the activity, the course's scale, one row per student of the course, and whether the platform gives
     * the course's roster (when it does not, students appear as they open the activity).
     */
    public record Grid(ActivityView activity, Scale scale, List<Row> rows, RosterState roster) {
    }

    /** {@code offered}: false when the platform gives no roster for the course; {@code problem}: why it was not read. */
    public record RosterState(boolean offered, String problem) {
    }

    /**
     * {@code named}: false when Moodle shares no name with the tool (the name is a placeholder); rows come by family
     * name then given name, and {@code givenOrder} is the row's rank by the name as shown (the grid's other order).
     */
    public record Row(long studentUserId, String name, boolean named, int version, Map<String, Integer> levels,
            String comment, Map<String, Integer> selfLevels, int givenOrder) {
    }

    /** A save: the changed rows only. */
    public record Save(List<SheetUpdate> rows) {
    }

    public record Saved(List<SheetView> rows) {
    }

    public record Change(long studentUserId, String studentName, String code, Integer oldLevel, Integer newLevel,
            String comment, long changedBy, String changedByName, Instant changedAt) {
    }

    @Inject
    CurrentLaunch current;

    @Inject
    Assessments assessments;

    @Inject
    Activities activities;

    @Inject
    Scales scales;

    @Inject
    CourseStudents students;

    @Inject
    CourseMembers members;

    @Inject
    RosterRefresh roster;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "La grille : étudiants du cours × compétences évaluées, niveaux, commentaires, auto-évaluations")
    @APIResponse(responseCode = "404", description = "Pas une activité de ce cours")
    public Grid grid(@PathParam("id") long id) {
        long courseId = current.courseId();
        ActivityView activity = activities.require(courseId, id);
        RosterRefresh.Availability availability = roster.beforeListing(courseId);
        Map<Long, SheetView> sheets = assessments.sheets(courseId, id);
        List<CourseStudents.Student> listed = students.of(courseId, english());
        Collator collator = Collator.getInstance(Locale.FRENCH);
        List<Long> byGivenName = listed.stream().sorted(Comparator.comparing(CourseStudents.Student::name, collator))
                .map(CourseStudents.Student::userId).toList();
        List<Row> rows = listed.stream().map(student -> {
            SheetView sheet = sheets.getOrDefault(student.userId(), SheetView.empty(student.userId(), Map.of()));
            return new Row(student.userId(), student.name(), student.named(), sheet.version(), sheet.levels(),
                    sheet.comment(), sheet.selfLevels(), byGivenName.indexOf(student.userId()));
        }).toList();
        return new Grid(activity, scales.of(courseId).in(Language.of(headers, uri)), rows,
                new RosterState(availability.offered(), availability.problem()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enregistre les lignes modifiées, tout ou rien",
            description = "Chaque ligne porte la version lue ; levels : code → niveau 0..3, null = non évalué ; "
                    + "comment : null = inchangé, vide = supprimé.")
    @APIResponse(responseCode = "409", description = "Lignes modifiées entre-temps par un autre enseignant : rien n'est enregistré")
    @APIResponse(responseCode = "422", description = "Valeurs à corriger, listées dans errors")
    @BodyLimit(1024 * 1024) // a class of 40 students with long comments: a few hundred KB
    public Saved save(@PathParam("id") long id, Save save) {
        if (save == null || save.rows() == null) {
            throw ProblemException.bodyMissing(LocalizedText.of("Envoyez les lignes modifiées en JSON : {\"rows\": [...]}.",
                    "Send the changed rows as JSON: {\"rows\": [...]}."));
        }
        Map<Long, String> courseStudents = students.of(current.courseId(), english()).stream()
                .collect(Collectors.toMap(CourseStudents.Student::userId, CourseStudents.Student::name));
        return new Saved(assessments.save(current.courseId(), id, current.userId(), save.rows(), courseStudents));
    }

    @GET
    @Path("history")
    @Operation(summary = "L'historique des changements (le plus récent d'abord, 500 au plus), d'un étudiant si précisé")
    public List<Change> history(@PathParam("id") long id, @QueryParam("student") Long student) {
        Map<Long, String> names = new HashMap<>();
        members.overview(current.courseId()).map(CourseMembers.Overview::members).orElse(List.of())
                .forEach(m -> names.put(m.user().id(), m.user().displayName(english())));
        return assessments.history(current.courseId(), id, Optional.ofNullable(student)).stream()
                .map(e -> new Change(e.studentUserId(), name(names, e.studentUserId()), e.code(), e.oldLevel(),
                        e.newLevel(), e.comment(), e.changedBy(), name(names, e.changedBy()), e.changedAt()))
                .toList();
    }

    private String name(Map<Long, String> names, long userId) {
        return names.getOrDefault(userId, (english() ? "User #" : "Utilisateur n°") + userId);
    }

    private boolean english() {
        return Language.isEnglish(Language.of(headers, uri));
    }
}
