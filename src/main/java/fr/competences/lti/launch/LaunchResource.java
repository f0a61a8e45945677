package fr.competences.lti.launch;

import fr.competences.config.Settings;
import fr.competences.http.RateLimited;
import fr.competences.http.RateLimits;
import fr.competences.errors.ProblemResponses;
import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import fr.competences.lti.registration.Origins;
import fr.competences.lti.session.Landing;
import fr.competences.lti.session.LtiSessionFilter;
import fr.competences.lti.session.Session;
import fr.competences.lti.session.SessionTokens;
import fr.competences.view.Language;
import fr.competences.view.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Step 3 of the launch, the redirect URI: the platform's form POST of {@code id_token} and {@code state}.
 * A valid launch is provisioned and sent (303) to its landing page with a fresh session token; no cookie is
 * left behind. Every refusal is logged with its reason and answered with a 4xx page in the user's language, nothing
 * stored.
 */
@RateLimited(RateLimits.Limit.LAUNCH)
@ApplicationScoped
@Path("lti/launch")
@Tag(name = "LTI")
public class LaunchResource {

    private static final Logger LOG = Logger.getLogger(LaunchResource.class.getName());
    static final String RENEWAL_FRAGMENT = "lti_renewal";
    private static final int PROVISIONING_ATTEMPTS = 5;

    @Inject
    LaunchValidator validator;

    @Inject
    Provisioning provisioning;

    @Inject
    Nonces nonces;

    @Inject
    SessionTokens sessions;

    @Inject
    Settings settings;

    @Inject
    Pages pages;

    @Inject
    Instance<Landing> landings;

    @Inject
    ProblemResponses problems;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "Lancement LTI (redirect URI) : reçoit id_token et state de la plateforme")
    public Response launch(@FormParam("id_token") String idToken, @FormParam("state") String state,
            @FormParam("error") String error, @FormParam("error_description") String errorDescription,
            @FormParam("lti_browser_secret") String recoveredSecret) {
        try {
            if (error != null) {
                throw new LtiException(LtiError.PLATFORM_REFUSED_LOGIN, error, String.valueOf(errorDescription));
            }
            Map<String, String> cookies = new HashMap<>();
            headers.getCookies().forEach((name, cookie) -> cookies.put(name, cookie.getValue()));
            LaunchValidator.Accepted accepted = validator.validate(
                    new LaunchValidator.LaunchRequest(idToken, state, cookies, fromToolPage(recoveredSecret)));
            return landing(accepted.launch(), accepted.login());
        } catch (BrowserNotRecognized unknownBrowser) {
            log(unknownBrowser);
            return recoveryPage(unknownBrowser, idToken, state);
        } catch (LtiException refused) {
            log(refused);
            return problems.of(refused, language(idToken), headers, uri);
        }
    }

    /** The recovery page's secret, if that page sent it (see {@link RecoveredSecret}). */
    private String fromToolPage(String recoveredSecret) {
        Optional<String> accepted = RecoveredSecret.of(recoveredSecret, headers.getHeaderString("Sec-Fetch-Site"),
                headers.getHeaderString("Origin"), Origins.of(settings.publicUrl()).orElse(settings.publicUrl()));
        if (recoveredSecret != null && accepted.isEmpty()) {
            LOG.warning(() -> "Secret de navigateur ignoré : il ne vient pas d’une page de l’outil (Sec-Fetch-Site "
                    + headers.getHeaderString("Sec-Fetch-Site") + ", Origin " + headers.getHeaderString("Origin") + ")");
        }
        return accepted.orElse(null);
    }

    /**
     * The language of a page answering a launch that opened no session: {@code ?lang=} (the recovery page's form keeps
     * it), else the locale of the id_token when it can be read, else the browser's.
     */
    private Locale language(String idToken) {
        return Language.requested(uri)
                .or(() -> Claims.unverified(idToken).flatMap(Claims::locale).map(Language::fromTag))
                .orElseGet(() -> Language.of(headers, uri));
    }

    private Response landing(LaunchContext launch, LoginState login) {
        nonces.purgeFromTimeToTime();
        Session session = provisionRetrying(launch, login);
        SessionTokens.Opened opened = sessions.open(session);
        LOG.fine(() -> "Lancement LTI accepté : plateforme " + launch.platformId() + ", cours " + session.courseId()
                + ", utilisateur " + session.userId() + ", " + session.role());
        String page = landings.isResolvable() ? landings.get().path(session) : Landing.byRole(session);
        // The renewal key rides in the fragment: kept by the browser across the tool's own redirects, never sent to a
        // server nor in Referer; lti.js moves it to sessionStorage (SessionTokens).
        return Response.seeOther(URI.create(settings.publicUrl() + page + "?" + LtiSessionFilter.PARAMETER + "="
                        + opened.token() + "#" + RENEWAL_FRAGMENT + "=" + opened.renewalKey()))
                .header("Set-Cookie", StateCookie.delete(login))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    /**
     * Two first launches at once (a class opening the activity together) may both insert the same row: the loser
     * retries and finds it. Each of the four rows (user, course, link, membership) can be lost that way once, hence up
     * to five attempts.
     */
    private Session provisionRetrying(LaunchContext launch, LoginState login) {
        for (int attempt = 1; ; attempt++) {
            try {
                return provisioning.provision(launch, login);
            } catch (LtiException refused) {
                throw refused;
            } catch (RuntimeException conflict) {
                if (attempt == PROVISIONING_ATTEMPTS) {
                    throw conflict;
                }
                LOG.fine(() -> "Provisionnement concurrent, nouvel essai : " + conflict);
            }
        }
    }

    private Response recoveryPage(BrowserNotRecognized problem, String idToken, String state) {
        Locale locale = language(idToken);
        LoginState login = problem.login();
        Map<String, Object> model = new HashMap<>();
        model.put("title", problem.title().in(locale));
        model.put("detail", problem.detail().in(locale));
        model.put("idToken", idToken == null ? "" : idToken);
        model.put("state", state);
        model.put("storageKey", login.storageKey());
        model.put("retryUrl", login.request().retryUri(settings.publicUrl()));
        // same-origin, not no-referrer: browsers without Fetch Metadata then send the page's Origin with its form
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "same-origin")
                .entity(pages.render("lti-recover", locale, model)).build();
    }

    private static void log(LtiException refused) {
        LOG.warning(() -> "Lancement LTI refusé [" + refused.type() + "] " + refused.detail().en());
    }
}
