package fr.competences.http;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.errors.ProblemResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;

/** The answer past a rate limit: 429, a problem (or page) in the user's language, and when to try again. */
@ApplicationScoped
public class TooManyRequests {

    @Inject
    ProblemResponses problems;

    public Response response(Duration wait, HttpHeaders headers, UriInfo uri) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ProblemException problem = new ProblemException(429, "rate-limited",
                LocalizedText.of("Trop de requêtes", "Too many requests"),
                LocalizedText.of("Trop de requêtes sont venues de votre adresse en peu de temps. Réessayez dans "
                                + seconds + " s.",
                        "Too many requests came from your address in a short time. Try again in " + seconds + " s."));
        return Response.fromResponse(problems.of(problem, headers, uri))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).build();
    }
}
