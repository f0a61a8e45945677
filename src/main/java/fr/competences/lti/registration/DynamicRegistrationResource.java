package fr.competences.lti.registration;

import fr.competences.lti.LtiException;
import fr.competences.view.Language;
import fr.competences.view.Pages;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * LTI Dynamic Registration 1.0 (https://www.imsglobal.org/spec/lti-dr/v1p0): the platform's admin opens the tool's
 * one-time registration link (Moodle: "Add LTI Advantage"), the platform adds {@code openid_configuration} and
 * {@code registration_token}; {@link DynamicRegistration} reads the configuration, posts the tool's registration and
 * creates the platform with the client_id and deployment the platform assigned; the page's button closes the
 * registration window ({@code org.imsglobal.lti.close}). Registered platforms are enabled at once; Moodle keeps its
 * side Pending until its admin activates the tool (docs/moodle.md P-12), which the page says.
 */
@Path("lti/register")
@Tag(name = "LTI")
public class DynamicRegistrationResource {

    private static final Logger LOG = Logger.getLogger(DynamicRegistrationResource.class.getName());

    @Inject
    DynamicRegistration registration;

    @Inject
    Pages pages;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "Enregistrement dynamique LTI (lien d’enregistrement ouvert par la plateforme)")
    public String register(@QueryParam("link") String link,
            @QueryParam("openid_configuration") String configurationUrl,
            @QueryParam("registration_token") String registrationToken) {
        try {
            DynamicRegistration.Registered registered = registration.register(link, configurationUrl,
                    registrationToken);
            RegisteredPlatform saved = registered.platform();
            LOG.info(() -> "Enregistrement dynamique réussi : " + saved.issuer() + " (client_id " + saved.clientId()
                    + ")");
            return pages.render("lti-registered", Language.of(headers, uri), Map.of(
                    "issuer", saved.issuer(), "clientId", saved.clientId(),
                    "deployments", String.join(", ", saved.deploymentIds()), "moodle", registered.moodle()));
        } catch (LtiException refused) {
            LOG.warning(() -> "Enregistrement dynamique refusé [" + refused.type() + "] " + refused.detail().en());
            throw refused;
        }
    }
}
