package fr.competences.input;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Caps the body of every request at what its endpoint needs ({@link BodyLimit}, else {@value #DEFAULT_BYTES}
 * bytes), before authentication: a Content-Length above it is refused at once, a body without length (chunked) is
 * counted as it is read and refused when it passes the limit. Nothing is kept, so an unauthenticated 300 MB POST
 * costs neither memory nor time. A body only somewhat too large (up to {@link LimitedInputStream#DISCARDED_BYTES}) is
 * read to its end and dropped before the answer: a client that sends its whole body before reading (the JDK's, a
 * browser over HTTP/2) would otherwise see the connection reset instead of the 413.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class BodyLimitFilter implements ContainerRequestFilter {

    /** Forms, launches and JSON documents of the API; larger ones say so with {@link BodyLimit}. */
    public static final long DEFAULT_BYTES = 64 * 1024;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = limit(resource.getResourceMethod());
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        long declared = length == null ? -1 : declared(length);
        if (declared > limit) {
            if (declared <= LimitedInputStream.DISCARDED_BYTES) {
                LimitedInputStream.discard(request.getEntityStream(), declared);
            }
            throw BodyProblems.tooLarge(limit);
        }
        request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
    }

    static long limit(Method method) {
        BodyLimit limit = method == null ? null : method.getAnnotation(BodyLimit.class);
        if (limit == null && method != null) {
            limit = method.getDeclaringClass().getAnnotation(BodyLimit.class);
        }
        return limit == null ? DEFAULT_BYTES : limit.value();
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
