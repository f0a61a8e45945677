package fr.competences.portfolio;

import fr.competences.lti.course.CourseRole;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import fr.competences.view.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The portfolio as JSON: a student's own réalisations (created, changed and removed by them only), and a student's
 * portfolio read by a teacher of a course they learn in. Authenticated by the launch session (header, never a cookie:
 * also the CSRF protection).
 */
@ApplicationScoped
@Path("api/portfolio")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Portfolio BTS", description = "Réalisations professionnelles et couverture du bloc 1 et du bloc 2")
public class PortfolioResource {

    @Inject
    CurrentLaunch current;

    @Inject
    Portfolios portfolios;

    @Inject
    ExamPapers papers;

    @Inject
    PortfolioExports exports;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @LtiSession
    @Operation(summary = "Mon portfolio BTS : mes réalisations, les épreuves et la couverture des blocs 1 et 2",
            description = "Un enseignant précise l’étudiant (du cours) avec student.")
    @APIResponse(responseCode = "404", description = "Pas un étudiant de ce cours, ou le portfolio d’un autre")
    public Portfolios.Portfolio portfolio(
            @Parameter(description = "identifiant de l’étudiant (enseignants)") @QueryParam("student") Long student) {
        return portfolios.read(PortfolioAccess.whose(current.session(), portfolios, student),
                PortfolioAccess.reader(current.session()), Language.of(headers, uri));
    }

    @GET
    @Path("catalogue")
    @LtiSession
    @Operation(summary = "Les compétences et savoir-faire des blocs 1 et 2 qu’une réalisation peut mobiliser")
    public Catalogue catalogue() {
        return portfolios.catalogue();
    }

    @GET
    @Path("course")
    @LtiSession(CourseRole.TEACHER)
    @Operation(summary = "Couverture de la classe : chaque étudiant du cours × compétences du bloc 1, et ses "
            + "réalisations du bloc 2")
    public ClassCoverage classCoverage() {
        return portfolios.classCoverage(current.session().platformId(), current.courseId(),
                Language.isEnglish(Language.of(headers, uri)));
    }

    @GET
    @Path("candidate")
    @LtiSession(CourseRole.STUDENT)
    @Operation(summary = "Mes informations de candidat pour les documents d’examen (n° candidat, centre, session, URL)")
    public ExamPapers.CandidateDetails candidate() {
        return papers.candidate(PortfolioAccess.own(current.session()));
    }

    @PUT
    @Path("candidate")
    @LtiSession(CourseRole.STUDENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enregistre mes informations de candidat (une fois pour toutes les épreuves)")
    @APIResponse(responseCode = "422", description = "Valeurs à corriger, listées dans errors")
    public ExamPapers.CandidateDetails saveCandidate(ExamPapers.CandidateDetails details) {
        return papers.saveCandidate(PortfolioAccess.own(current.session()), details);
    }

    @GET
    @Path("course/defaults")
    @LtiSession(CourseRole.TEACHER)
    @Operation(summary = "Centre et session par défaut des étudiants du cours pour les documents d’examen")
    public ExamPapers.CourseDetails courseDefaults() {
        return papers.course(current.courseId());
    }

    @PUT
    @Path("course/defaults")
    @LtiSession(CourseRole.TEACHER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enregistre le centre et la session par défaut des étudiants du cours")
    @APIResponse(responseCode = "422", description = "Valeurs à corriger, listées dans errors")
    public ExamPapers.CourseDetails saveCourseDefaults(ExamPapers.CourseDetails details) {
        return papers.saveCourse(current.courseId(), details);
    }

    @GET
    @Path("export/{kind}")
    @LtiSession
    @Produces({PortfolioExports.XLSX, PortfolioExports.PDF, MediaType.APPLICATION_JSON})
    @Operation(summary = "Documents d’examen : tableau de synthèse (tableau.xlsx, tableau.pdf) et fiches descriptives "
            + "des réalisations du bloc 2 (fiches.pdf, fiches.xlsx) ; un enseignant précise l’étudiant avec student")
    @APIResponse(responseCode = "404", description = "Document inconnu, ou pas un étudiant de ce cours")
    public Response export(@PathParam("kind") String kind,
            @Parameter(description = "identifiant de l’étudiant (enseignants)") @QueryParam("student") Long student) {
        PortfolioOwner owner = PortfolioAccess.whose(current.session(), portfolios, student);
        return file(exports.export(owner, current.courseId(), current.userId(),
                current.session().isTeacher() ? "TEACHER" : "STUDENT", kind));
    }

    @GET
    @Path("course/export.zip")
    @LtiSession(CourseRole.TEACHER)
    @Produces({PortfolioExports.ZIP, MediaType.APPLICATION_JSON})
    @Operation(summary = "Les documents d’examen de tous les étudiants du cours en un ZIP (NOM_Prenom_…)")
    public Response classZip() {
        return file(exports.classZip(PortfolioAccess.teacher(current.session())));
    }

    static Response file(PortfolioExports.Paper paper) {
        return Response.ok(paper.content()).type(paper.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + paper.fileName() + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /** What a student attaches: an activity of the session's course, and optionally their evidence in it. */
    public record AttachmentDraft(Long activityId, Long evidenceId) {
    }

    @POST
    @Path("realisations/{id}/attachments")
    @LtiSession(CourseRole.STUDENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rattache à ma réalisation une activité du cours, ou une de mes preuves dans cette activité ; "
            + "les niveaux donnés par les enseignants s’affichent comme indication")
    @APIResponse(responseCode = "201", description = "Rattachée ; la réalisation avec ses rattachements")
    @APIResponse(responseCode = "404", description = "Réalisation, activité du cours ou preuve introuvable")
    public Response attach(@PathParam("id") long id, AttachmentDraft draft) {
        if (draft == null || draft.activityId() == null) {
            throw new fr.competences.errors.ProblemException(422, "portfolio-attachment-invalid",
                    fr.competences.errors.LocalizedText.of("Activité à préciser", "Activity to specify"),
                    fr.competences.errors.LocalizedText.of("Précisez l’activité : {\"activityId\": …}.",
                            "Say which activity: {\"activityId\": …}."));
        }
        RealisationView attached = portfolios.attach(PortfolioAccess.own(current.session()), current.courseId(), id,
                draft.activityId(), draft.evidenceId());
        return Response.status(Response.Status.CREATED).entity(attached).build();
    }

    @DELETE
    @Path("realisations/{id}/attachments/{attachmentId}")
    @LtiSession(CourseRole.STUDENT)
    @Operation(summary = "Détache une activité ou une preuve de ma réalisation")
    public RealisationView detach(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
        return portfolios.detach(PortfolioAccess.own(current.session()), current.courseId(), id, attachmentId);
    }

    /** A teacher's comment. */
    public record CommentDraft(String text) {
    }

    /** A teacher's status: VALIDATED, TO_REVISE, or null to clear it. */
    public record ReviewDraft(String status) {
    }

    @POST
    @Path("realisations/{id}/comments")
    @LtiSession(CourseRole.TEACHER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Commente une réalisation d’un étudiant du cours ; l’étudiant lit le commentaire")
    @APIResponse(responseCode = "201", description = "Commentaire ajouté ; la réalisation avec ses commentaires")
    @APIResponse(responseCode = "404", description = "Pas une réalisation d’un étudiant de ce cours")
    public Response comment(@PathParam("id") long id,
            @Parameter(description = "identifiant de l’étudiant") @QueryParam("student") Long student,
            CommentDraft draft) {
        RealisationView commented = portfolios.comment(PortfolioAccess.teacher(current.session()),
                PortfolioAccess.named(student), id, draft == null ? null : draft.text());
        return Response.status(Response.Status.CREATED).entity(commented).build();
    }

    @PUT
    @Path("realisations/{id}/review")
    @LtiSession(CourseRole.TEACHER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Marque une réalisation d’un étudiant du cours validée (VALIDATED) ou à revoir (TO_REVISE)")
    @APIResponse(responseCode = "404", description = "Pas une réalisation d’un étudiant de ce cours")
    public RealisationView review(@PathParam("id") long id,
            @Parameter(description = "identifiant de l’étudiant") @QueryParam("student") Long student,
            ReviewDraft draft) {
        return portfolios.review(PortfolioAccess.teacher(current.session()), PortfolioAccess.named(student), id,
                draft == null ? null : draft.status());
    }

    @GET
    @Path("realisations/{id}")
    @LtiSession
    @Operation(summary = "Une réalisation (un enseignant précise l’étudiant avec student)")
    @APIResponse(responseCode = "404", description = "Pas une réalisation de ce portfolio")
    public RealisationView realisation(@PathParam("id") long id,
            @Parameter(description = "identifiant de l’étudiant (enseignants)") @QueryParam("student") Long student) {
        return portfolios.realisation(PortfolioAccess.whose(current.session(), portfolios, student), id,
                PortfolioAccess.reader(current.session()));
    }

    @POST
    @Path("realisations")
    @LtiSession(CourseRole.STUDENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ajoute une réalisation à mon portfolio")
    @APIResponse(responseCode = "201", description = "Créée")
    @APIResponse(responseCode = "422", description = "Valeurs à corriger, listées dans errors")
    public Response create(RealisationDraft draft) {
        RealisationView created = portfolios.create(PortfolioAccess.own(current.session()), current.courseId(), draft);
        return Response.created(URI.create("/api/portfolio/realisations/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("realisations/{id}")
    @LtiSession(CourseRole.STUDENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Modifie une de mes réalisations (tous ses champs)")
    @APIResponse(responseCode = "422", description = "Valeurs à corriger, listées dans errors")
    public RealisationView update(@PathParam("id") long id, RealisationDraft draft) {
        return portfolios.update(PortfolioAccess.own(current.session()), current.courseId(), id, draft);
    }

    @DELETE
    @Path("realisations/{id}")
    @LtiSession(CourseRole.STUDENT)
    @Operation(summary = "Retire une de mes réalisations")
    @APIResponse(responseCode = "204", description = "Retirée")
    public Response delete(@PathParam("id") long id) {
        portfolios.delete(PortfolioAccess.own(current.session()), current.courseId(), id);
        return Response.noContent().build();
    }
}
