package fr.competences.errors;

import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A JSON body that cannot be read into what the endpoint expects (Jersey wraps the JSON-B error in a
 * {@link ProcessingException}): the client's mistake, a 400 saying so, not an internal error.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Inject
    ProblemResponses responses;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProcessingException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return responses.of(new ProblemException(400, "body-unreadable",
                        LocalizedText.of("Contenu illisible", "Unreadable content"),
                        LocalizedText.of("Le JSON envoyé est mal formé ou ne correspond pas au format attendu (voir "
                                        + "/openapi). Détail du lecteur JSON (en anglais) : " + cause.getMessage(),
                                "The JSON sent is malformed or does not match the expected format (see /openapi): "
                                        + cause.getMessage())), headers, uri);
            }
        }
        return responses.unexpected(exception, headers, uri);
    }
}
