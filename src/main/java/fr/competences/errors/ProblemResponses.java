package fr.competences.errors;

import fr.competences.view.Language;
import fr.competences.view.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a {@link ProblemException} into what the client reads: RFC 9457 problem details for the API,
 * a friendly page for a browser (also inside the Moodle iframe). Never a stack trace.
 */
@ApplicationScoped
public class ProblemResponses {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    static final String TYPE_PREFIX = "urn:competences-lti:problem:";
    /** The session token's query parameter (lti.session's LtiSessionFilter.PARAMETER) and its shape. */
    static final String SESSION_PARAMETER = "lti_session";
    private static final java.util.regex.Pattern SESSION_TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,2000}");
    private static final Logger LOG = Logger.getLogger(ProblemResponses.class.getName());
    /** Made once: {@code Json.createObjectBuilder} looks the JSON-P provider up on the class path at each call. */
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

    @Inject
    Pages pages;

    public Response of(ProblemException problem, HttpHeaders headers, UriInfo uri) {
        return of(problem, Language.of(headers, uri), headers, uri);
    }

    /** In the user's language when the caller knows it better than the request does: an LTI session, a launch. */
    public Response of(ProblemException problem, Locale locale, HttpHeaders headers, UriInfo uri) {
        boolean html = wantsHtml(headers, uri);
        if (html && uri != null && problem.status() != 401) { // 401: the session itself is refused, no way back in it
            String session = uri.getQueryParameters().getFirst(SESSION_PARAMETER);
            if (session != null && SESSION_TOKEN.matcher(session).matches()) {
                return page(problem, locale, session);
            }
        }
        return of(problem, locale, html, uri == null ? null : uri.getRequestUri().getRawPath());
    }

    /**
     * A page inside an LTI session (the token in the address, as every page inside the frame has it): its links keep
     * the session, so the user goes back to the activity or the course rather than to the public home page. The
     * token is only echoed into links, never trusted here: the pages it leads to check it.
     */
    private Response page(ProblemException problem, Locale locale, String session) {
        Map<String, Object> model = new java.util.HashMap<>(pageModel(problem, locale));
        model.put("session", session);
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.render("error", locale, model)).build();
    }

    private static Map<String, Object> pageModel(ProblemException problem, Locale locale) {
        return Map.of(
                "status", problem.status(),
                "title", problem.title().in(locale),
                "detail", problem.detail().in(locale),
                "hasErrors", !problem.errors().isEmpty(),
                "errors", problem.errors().stream()
                        .map(e -> Map.of("location", e.location(), "message", e.message().in(locale)))
                        .toList());
    }

    /**
     * A page ({@code html}) or problem details about the request at {@code instance} (its path, or null): also for
     * the errors the servlet container raises before the application sees the request.
     */
    public Response of(ProblemException problem, Locale locale, boolean html, String instance) {
        Response.ResponseBuilder response = Response.status(problem.status());
        if (problem.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (html) {
            return response.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(pages.render("error", locale, pageModel(problem, locale)))
                    .build();
        }
        return response.type(PROBLEM_JSON).entity(json(problem, locale, instance).build().toString()).build();
    }

    /** A bug or an outage: logged in full with an incident id, shown to the user with that id only. */
    public Response unexpected(Throwable error, HttpHeaders headers, UriInfo uri) {
        Optional<ProblemException> refusal = refusalIn(error);
        if (refusal.isPresent()) {
            return of(refusal.get(), headers, uri);
        }
        return of(incident(error, uri == null ? "?" : uri.getPath()), headers, uri);
    }

    /** Logs an unexpected error under a new incident number; what the user is told about it. */
    ProblemException incident(Throwable error, String where) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "Erreur inattendue, incident " + incident + " sur " + where, error);
        return new ProblemException(500, "internal-error",
                LocalizedText.of("Erreur interne", "Internal error"),
                LocalizedText.of("Une erreur inattendue est survenue (incident " + incident + "). Réessayez ; si cela "
                                + "persiste, transmettez ce numéro à l'administrateur.",
                        "An unexpected error occurred (incident " + incident + "). Try again; if it persists, give "
                                + "this number to the administrator."));
    }

    /**
     * A refusal that a library wrapped on its way out (a body over its limit, noticed while a reader was reading it,
     * comes back inside the reader's exception): still that refusal, not an incident.
     */
    static Optional<ProblemException> refusalIn(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ProblemException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    static JsonObjectBuilder json(ProblemException problem, Locale locale, String instance) {
        JsonObjectBuilder body = BUILDERS.createObjectBuilder()
                .add("type", TYPE_PREFIX + problem.type())
                .add("title", problem.title().in(locale))
                .add("status", problem.status())
                .add("detail", problem.detail().in(locale));
        if (instance != null) {
            body.add("instance", instance);
        }
        List<ProblemException.Problem> errors = problem.errors();
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = BUILDERS.createArrayBuilder();
            errors.forEach(e -> list.add(BUILDERS.createObjectBuilder()
                    .add("location", e.location())
                    .add("message", e.message().in(locale))));
            body.add("errors", list);
        }
        return body;
    }

    /** Pages for browsers navigating the UI; JSON for the API and for programmatic clients. */
    public static boolean wantsHtml(HttpHeaders headers, UriInfo uri) {
        String path = uri == null ? "" : uri.getPath();
        if (isApi(path)) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = headers == null ? List.of() : headers.getAcceptableMediaTypes();
        } catch (RuntimeException unparsable) {
            return false; // an Accept header that does not parse asks for nothing in particular
        }
        return !accepted.isEmpty() && !accepted.get(0).isWildcardType()
                && accepted.get(0).isCompatible(MediaType.TEXT_HTML_TYPE);
    }

    static boolean isApi(String path) {
        return path.startsWith("api/") || path.startsWith("/api/") || path.equals("api") || path.equals("/api");
    }
}
