package fr.competences.errors;

import fr.competences.view.Language;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

/**
 * The error page of the servlet container ({@code WEB-INF/web.xml}), for the refusals it makes before or after the
 * application: a protected path ({@code /WEB-INF/…}), a header the server cannot parse, an error escaping the
 * application. Answers as the application does (problem details or a page, in the user's language) instead of the
 * server's default page, which names its version and exception classes. Requested directly, it does not exist.
 */
@WebServlet(urlPatterns = ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

    static final String PATH = "/error";

    @Inject
    transient ProblemResponses responses;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean dispatched = request.getDispatcherType() == DispatcherType.ERROR;
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String path = dispatched ? String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))
                : request.getRequestURI();
        int status = dispatched && code instanceof Integer number ? number : 404;
        ProblemException problem = Optional.ofNullable(error).flatMap(ProblemResponses::refusalIn).orElseGet(() ->
                status >= 500 || error != null ? responses.incident(error, path) : HttpStatusProblems.of(status));
        Response answer = responses.of(problem, language(request), !ProblemResponses.isApi(path)
                && htmlFirst(request.getHeader("Accept")), path);
        response.resetBuffer();
        response.setStatus(answer.getStatus());
        answer.getStringHeaders().forEach((name, values) -> values.forEach(value -> response.setHeader(name, value)));
        response.setContentType(answer.getMediaType().toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(String.valueOf(answer.getEntity()));
    }

    /** {@code ?lang=}, else the first of French or English the browser accepts, else French. */
    private static Locale language(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(Language.PARAMETER + "=")) {
                    return Language.fromTag(pair.substring(Language.PARAMETER.length() + 1));
                }
            }
        }
        if (request.getHeader("Accept-Language") == null) {
            return Language.FRENCH; // without the header, the server would answer its own default locale
        }
        for (Locale accepted : Collections.list(request.getLocales())) {
            if (accepted.getLanguage().equals("fr") || accepted.getLanguage().equals("en")) {
                return Language.fromTag(accepted.getLanguage());
            }
        }
        return Language.FRENCH;
    }

    private static boolean htmlFirst(String accept) {
        return accept != null && accept.split(",")[0].split(";")[0].strip().equalsIgnoreCase("text/html");
    }
}
