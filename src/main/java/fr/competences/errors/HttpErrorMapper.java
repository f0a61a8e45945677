package fr.competences.errors;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** The HTTP errors JAX-RS raises itself (unknown path, wrong method or media type...), in our words. */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    private static final Map<Integer, LocalizedText[]> KNOWN = Map.of(
            404, new LocalizedText[] {LocalizedText.of("Page introuvable", "Not found"),
                    LocalizedText.of("Cette adresse n'existe pas. Revenez à l'accueil de l'outil.",
                            "This address does not exist. Go back to the tool's home page.")},
            405, new LocalizedText[] {LocalizedText.of("Méthode non autorisée", "Method not allowed"),
                    LocalizedText.of("Cette adresse n'accepte pas cette méthode HTTP.",
                            "This address does not accept this HTTP method.")},
            406, new LocalizedText[] {LocalizedText.of("Format non disponible", "Not acceptable"),
                    LocalizedText.of("Le format demandé (en-tête Accept) n'est pas proposé ici.",
                            "The requested format (Accept header) is not offered here.")},
            415, new LocalizedText[] {LocalizedText.of("Type de contenu non pris en charge", "Unsupported media type"),
                    LocalizedText.of("Envoyez le contenu avec un Content-Type accepté (voir /openapi).",
                            "Send the content with an accepted Content-Type (see /openapi).")});

    @Inject
    ProblemResponses responses;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        LocalizedText[] text = KNOWN.getOrDefault(status, new LocalizedText[] {
                LocalizedText.of("Requête refusée", "Request refused"),
                LocalizedText.of("La requête n'a pas pu être traitée (HTTP " + status + ").",
                        "The request could not be processed (HTTP " + status + ").")});
        if (status >= 500) {
            return responses.unexpected(exception, headers, uri);
        }
        return responses.of(new ProblemException(status, "http-" + status, text[0], text[1]), headers, uri);
    }
}
