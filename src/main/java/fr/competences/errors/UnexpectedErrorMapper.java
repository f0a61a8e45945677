package fr.competences.errors;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A bug or an outage: logged in full with an incident id, shown to the user with that id only. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Inject
    ProblemResponses responses;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable error) {
        return log(error, responses, headers, uri);
    }

    Response log(Throwable error, ProblemResponses problemResponses, HttpHeaders requestHeaders, UriInfo requestUri) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "Erreur inattendue, incident " + incident + " sur "
                + (requestUri == null ? "?" : requestUri.getPath()), error);
        return problemResponses.of(new ProblemException(500, "internal-error",
                LocalizedText.of("Erreur interne", "Internal error"),
                LocalizedText.of("Une erreur inattendue est survenue (incident " + incident + "). Réessayez ; si cela "
                                + "persiste, transmettez ce numéro à l'administrateur.",
                        "An unexpected error occurred (incident " + incident + "). Try again; if it persists, give "
                                + "this number to the administrator.")), requestHeaders, requestUri);
    }
}
