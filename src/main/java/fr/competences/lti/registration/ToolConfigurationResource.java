package fr.competences.lti.registration;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tool's LTI configuration with this server's PUBLIC_URL, for configuring an LMS by hand. */
@Path("lti/config.json")
@Tag(name = "LTI")
public class ToolConfigurationResource {

    @Inject
    ToolConfiguration configuration;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Configuration LTI 1.3 de l’outil (format de l’enregistrement dynamique)")
    public JsonObject configuration() {
        return configuration.registration();
    }
}
