package fr.competences.errors;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The HTTP errors JAX-RS raises itself (unknown path, wrong method or media type...), in our words. */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Inject
    ProblemResponses responses;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return responses.unexpected(exception, headers, uri);
        }
        return responses.of(HttpStatusProblems.of(status), headers, uri);
    }
}
