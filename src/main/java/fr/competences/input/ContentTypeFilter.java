package fr.competences.input;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The Content-Type of a request, before anything reads its body:
 * <ul>
 * <li>missing, to an endpoint that consumes a given type: with no body either (a bare POST), the request reads as an
 * empty body of that type, so that the endpoint answers as to an empty form or JSON document (the server would
 * otherwise hand it a null form, or fail on its form parameters); with a body, it is a 415 problem, since nobody can
 * tell how to read it;</li>
 * <li>naming a charset the server does not know ({@code charset=klingon}): a 415 problem, where the server's text
 * readers would fail with an internal error.</li>
 * </ul>
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 50)
public class ContentTypeFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null) {
            checkCharset(request);
            return;
        }
        Optional<String> consumed = consumed(resource.getResourceMethod());
        if (consumed.isEmpty()) {
            return;
        }
        if (hasBody(request)) {
            throw BodyProblems.contentTypeMissing();
        }
        request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, consumed.get());
    }

    private static void checkCharset(ContainerRequestContext request) {
        String charset;
        try {
            charset = request.getMediaType() == null ? null
                    : request.getMediaType().getParameters().get(MediaType.CHARSET_PARAMETER);
        } catch (RuntimeException unparsable) {
            return; // the server answers 400 to a Content-Type it cannot parse
        }
        try {
            if (charset != null && !Charset.isSupported(charset)) {
                throw BodyProblems.charsetUnknown(charset);
            }
        } catch (IllegalCharsetNameException e) {
            throw BodyProblems.charsetUnknown(charset);
        }
    }

    /** The first concrete media type the endpoint declares it consumes, if any. */
    static Optional<String> consumed(Method method) {
        Consumes consumes = method == null ? null : method.getAnnotation(Consumes.class);
        if (consumes == null && method != null) {
            consumes = method.getDeclaringClass().getAnnotation(Consumes.class);
        }
        return consumes == null ? Optional.empty() : Arrays.stream(consumes.value())
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                .filter(type -> !type.startsWith("*") && !type.split(";")[0].endsWith("/*"))
                .findFirst();
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null || (length != null && !length.strip().equals("0"));
    }
}
