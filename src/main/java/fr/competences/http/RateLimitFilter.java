package fr.competences.http;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * Counts {@link RateLimited} requests against their client's allowance, before anything else is done for them. (Name
 * binding goes by the annotation's type: which limit counts is read from the resource's own annotation.)
 */
@Provider
@RateLimited(RateLimits.Limit.LAUNCH)
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimitFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class.getName());

    @Inject
    RateLimits limits;

    @Inject
    ClientAddress clientAddress;

    @Inject
    TooManyRequests tooManyRequests;

    @Context
    HttpServletRequest servletRequest;

    @Context
    ResourceInfo resource;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request) {
        RateLimits.Limit limit = limit();
        String client = clientAddress.of(servletRequest);
        limits.take(limit, client).ifPresent(wait -> {
            LOG.warning(() -> "Limite de débit atteinte [" + limit + "] pour " + client + " : "
                    + request.getUriInfo().getPath());
            request.abortWith(tooManyRequests.response(wait, headers, request.getUriInfo()));
        });
    }

    private RateLimits.Limit limit() {
        RateLimited onMethod = resource.getResourceMethod().getAnnotation(RateLimited.class);
        return (onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RateLimited.class)).value();
    }
}
