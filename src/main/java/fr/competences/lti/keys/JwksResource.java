package fr.competences.lti.keys;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tool's public keys (RFC 7517 JWK Set), for platforms verifying the tool's JWTs, at the two usual
 * addresses {@code /lti/jwks} and {@code /.well-known/jwks.json}.
 */
@Path("{jwks: lti/jwks|\\.well-known/jwks\\.json}")
@Tag(name = "LTI")
public class JwksResource {

    @Inject
    ToolKeys toolKeys;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/jwk-set+json"})
    @Operation(summary = "Clés publiques de l’outil (JWK Set), avec leur kid")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300); // short: a new key must reach platforms well before it signs
        return Response.ok(toolKeys.publicKeySet()).cacheControl(cache).build();
    }
}
