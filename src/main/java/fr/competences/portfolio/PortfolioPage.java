package fr.competences.portfolio;

import fr.competences.lti.course.CourseRole;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import fr.competences.lti.session.LtiSessionFilter;
import fr.competences.view.Language;
import fr.competences.view.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * « Mon portfolio BTS », reachable from any activity: the live coverage panel, the réalisations by section of the
 * tableau de synthèse, and the form of the fiche (create or edit). Plain forms carrying the session in their action
 * (never a cookie: the CSRF protection); {@code portfolio.js} sends the same form to the JSON API and refreshes the
 * panel without reloading. A teacher opens it read only for a student of their course.
 */
@ApplicationScoped
@Path("portfolio")
@LtiSession
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class PortfolioPage {

    @Inject
    CurrentLaunch current;

    @Inject
    Portfolios portfolios;

    @Inject
    Pages pages;

    @Inject
    ExamNumbering numbering;

    @Inject
    ExamPapers papers;

    @GET
    @Operation(summary = "Page « Mon portfolio BTS » (un enseignant précise l’étudiant avec student)")
    public Response page(@Parameter(description = "identifiant de l’étudiant (enseignants)")
            @QueryParam("student") Long student,
            @Parameter(description = "réalisation à modifier") @QueryParam("edit") Long edit) {
        Locale locale = current.language();
        PortfolioOwner owner = PortfolioAccess.whose(current.session(), portfolios, student);
        Portfolios.Reader reader = PortfolioAccess.reader(current.session());
        Portfolios.Portfolio portfolio = portfolios.read(owner, reader, locale);
        RealisationView editing = edit == null || current.session().isTeacher() ? null
                : portfolios.realisation(owner, edit, reader);
        Map<String, Object> model = new PortfolioModel(pages.texts(locale), locale, portfolios.catalogue())
                .of(portfolio, editing, current.session().isTeacher());
        model.put("session", current.token());
        model.put("query", query());
        if (current.session().isTeacher()) {
            model.put("pageQuery", "student=" + owner.userId());
            model.put("exportQuery", query() + "&student=" + owner.userId());
        } else {
            model.put("exportQuery", query());
            List<Map<String, Object>> attachable = portfolios.attachable(current.courseId(), owner.userId()).stream()
                    .map(a -> Map.<String, Object>of("value", a.activityId() + (a.evidenceId() == null ? ""
                            : ":" + a.evidenceId()), "label", a.label())).toList();
            model.put("attachable", attachable);
            model.put("hasAttachable", !attachable.isEmpty());
            ExamPapers.CandidateDetails details = papers.candidate(owner);
            // plain strings: a null would let Mustache fall back to the page's "session" (the LTI token)
            model.put("candidate", Map.of("candidateNumber", blank(details.candidateNumber()),
                    "centre", blank(details.centre()), "session", blank(details.session()),
                    "portfolioUrl", blank(details.portfolioUrl())));
        }
        return Response.ok(pages.render("portfolio", locale, model), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    @GET
    @Path("class")
    @LtiSession(CourseRole.TEACHER)
    @Operation(summary = "Page de couverture des portfolios de la classe (tri : name, gaps, bloc2)")
    public Response classPage(@Parameter(description = "tri : name (défaut), gaps, bloc2") @QueryParam("sort")
            String sort) {
        Locale locale = current.language();
        ClassCoverage coverage = portfolios.classCoverage(current.session().platformId(), current.courseId(),
                Language.isEnglish(locale));
        Map<String, Object> model = new ClassCoverageModel(pages.texts(locale), portfolios.catalogue())
                .of(coverage, sort);
        model.put("session", current.token());
        model.put("query", query());
        ExamPapers.CourseDetails defaults = papers.course(current.courseId());
        model.put("defaults", Map.of("centre", blank(defaults.centre()), "session", blank(defaults.session())));
        model.put("bloc1Exam", numbering.units().bloc1().in(locale));
        model.put("bloc2Exam", numbering.units().bloc2().in(locale));
        return Response.ok(pages.render("portfolio-class", locale, model),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @POST
    @Path("realisations/{id}/attachments")
    @LtiSession(CourseRole.STUDENT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Formulaire de rattachement d’une activité ou d’une preuve (target : activité[:preuve])")
    public Response attachForm(@PathParam("id") long id, @jakarta.ws.rs.FormParam("target") String target) {
        String[] parts = target == null ? new String[0] : target.strip().split(":", 2);
        if (parts.length == 0 || parts[0].isEmpty()) {
            throw Portfolios.notFound();
        }
        portfolios.attach(PortfolioAccess.own(current.session()), current.courseId(), id, parseId(parts[0]),
                parts.length > 1 ? parseId(parts[1]) : null);
        return Response.seeOther(URI.create("/portfolio?" + query() + "#r-" + id)).build();
    }

    @POST
    @Path("realisations/{id}/attachments/{attachmentId}/delete")
    @LtiSession(CourseRole.STUDENT)
    @Operation(summary = "Formulaire de retrait d’un rattachement")
    public Response detachForm(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
        portfolios.detach(PortfolioAccess.own(current.session()), current.courseId(), id, attachmentId);
        return Response.seeOther(URI.create("/portfolio?" + query() + "#r-" + id)).build();
    }

    @POST
    @Path("candidate")
    @LtiSession(CourseRole.STUDENT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Formulaire de mes informations de candidat")
    public Response candidateForm(Form form) {
        MultivaluedMap<String, String> fields = form.asMap();
        papers.saveCandidate(PortfolioAccess.own(current.session()), new ExamPapers.CandidateDetails(
                fields.getFirst("candidateNumber"), fields.getFirst("centre"), year(fields.getFirst("session")),
                fields.getFirst("portfolioUrl")));
        return Response.seeOther(URI.create("/portfolio?" + query() + "#papers")).build();
    }

    @POST
    @Path("class/defaults")
    @LtiSession(CourseRole.TEACHER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Formulaire du centre et de la session par défaut du cours")
    public Response defaultsForm(Form form) {
        MultivaluedMap<String, String> fields = form.asMap();
        papers.saveCourse(current.courseId(), new ExamPapers.CourseDetails(fields.getFirst("centre"),
                year(fields.getFirst("session"))));
        return Response.seeOther(URI.create("/portfolio/class?" + query() + "#papers")).build();
    }

    private static String blank(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A year typed in a form; anything but digits is read as 0, which the check refuses with its message. */
    static Integer year(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @POST
    @Path("realisations/{id}/review")
    @LtiSession(CourseRole.TEACHER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Formulaire d’un enseignant : statut (validée, à revoir) et commentaire d’une réalisation")
    public Response reviewForm(@PathParam("id") long id, Form form) {
        MultivaluedMap<String, String> fields = form.asMap();
        String named = fields.getFirst("student");
        long student = PortfolioAccess.named(named == null || named.isBlank() ? null : parseId(named));
        Portfolios.TeacherInCourse teacher = PortfolioAccess.teacher(current.session());
        if (fields.containsKey("status")) {
            portfolios.review(teacher, student, id, fields.getFirst("status"));
        }
        String comment = fields.getFirst("comment");
        if (comment != null && !comment.isBlank()) {
            portfolios.comment(teacher, student, id, comment);
        }
        return Response.seeOther(URI.create("/portfolio?" + query() + "&student=" + student + "#r-" + id)).build();
    }

    @POST
    @Path("realisations")
    @LtiSession(CourseRole.STUDENT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Formulaire de la fiche d’une réalisation (création, ou modification avec id)")
    public Response save(Form form) {
        MultivaluedMap<String, String> fields = form.asMap();
        RealisationDraft draft = draft(fields);
        String id = fields.getFirst("id");
        PortfolioOwner owner = PortfolioAccess.own(current.session());
        if (id == null || id.isBlank()) {
            portfolios.create(owner, current.courseId(), draft);
        } else {
            portfolios.update(owner, current.courseId(), parseId(id), draft);
        }
        return back();
    }

    @POST
    @Path("realisations/{id}/delete")
    @LtiSession(CourseRole.STUDENT)
    @Operation(summary = "Formulaire de retrait d’une réalisation")
    public Response delete(@PathParam("id") long id) {
        portfolios.delete(PortfolioAccess.own(current.session()), current.courseId(), id);
        return back();
    }

    /** The form's fields as the API's draft: one link per line of {@code productions}, a {@code skill} per tick. */
    static RealisationDraft draft(MultivaluedMap<String, String> fields) {
        String links = fields.getFirst("productions");
        return new RealisationDraft(fields.getFirst("setting"), fields.getFirst("title"),
                fields.getFirst("description"), fields.getFirst("organisation"), fields.getFirst("place"),
                fields.getFirst("from"), fields.getFirst("to"), "team".equals(fields.getFirst("team")),
                fields.getFirst("conditions"), fields.getFirst("documentary"), fields.getFirst("hardware"),
                fields.getFirst("software"), links == null ? List.of() : Arrays.asList(links.split("\\R")),
                fields.get("skill"));
    }

    private static long parseId(String id) {
        if (id == null) {
            throw Portfolios.notFound();
        }
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw Portfolios.notFound();
        }
    }

    private Response back() {
        return Response.seeOther(URI.create("/portfolio?" + query() + "#realisations")).build();
    }

    private String query() {
        return LtiSessionFilter.PARAMETER + "=" + current.token() + (Language.isEnglish(current.language())
                ? "&lang=en" : "");
    }
}
