package fr.competences.http;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers on every response of the application, pages, API and errors alike. The Content-Security-Policy lets pages
 * load scripts, styles and everything else from the tool only (no inline script or style, no plugin, no
 * {@code <base>}), and lets only the registered platforms frame them ({@link FramingOrigins}); {@code nosniff} keeps
 * browsers from running a served file as another type than the one declared (evidence files, JSON).
 * The dynamic registration page is framed by the platform registering itself, which no registration names yet:
 * the origin of its {@code openid_configuration} is allowed there.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    static final String POLICY = "default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors ";
    static final String REGISTRATION_PATH = "/lti/register";

    @Inject
    FramingOrigins framingOrigins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", POLICY + frameAncestors(request));
        chain.doFilter(request, response);
    }

    private String frameAncestors(HttpServletRequest request) {
        if (REGISTRATION_PATH.equals(request.getRequestURI())) {
            return framingOrigins.sourcesWhileRegistering(request.getParameter("openid_configuration"));
        }
        return framingOrigins.sources();
    }
}
