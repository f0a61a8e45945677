package fr.competences.input;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Every JSON body bound to a parameter of the application is read by {@link JsonBodies}, whatever reader the server
 * would pick (it prefers its own for {@code JsonObject} parameters, and those let {@code null} or {@code []} through
 * to an "argument type mismatch", a 500 on the server's default error page).
 */
@Provider
public class JsonBodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (JsonBodies.binds(context.getType(), context.getMediaType())) {
            return JsonBodies.read(context.getType(), context.getGenericType(), context.getInputStream());
        }
        return context.proceed();
    }
}
