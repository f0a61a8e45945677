package fr.competences.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves the pages' stylesheets and scripts from {@code static/} on the classpath. JAX-RS owns the
 * context root (LTI paths are fixed), so the servlet container's default file serving is not reachable.
 */
@Path("assets")
public class AssetsResource {

    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    @GET
    @Path("{file: [A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[a-z0-9]+}")
    @Operation(hidden = true)
    public Response asset(@PathParam("file") String file) {
        String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
        InputStream content = type == null ? null : AssetsResource.class.getResourceAsStream("/static/" + file);
        if (content == null) {
            throw new NotFoundException();
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(content, type).cacheControl(cache).build();
    }
}
