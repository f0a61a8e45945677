package fr.competences;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * JAX-RS serves the whole application from the context root: JSON API under {@code /api},
 * LTI endpoints under {@code /lti}, server-rendered pages and their assets elsewhere.
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "Compétences LTI", version = "0.1",
        description = "API de l'outil de suivi des compétences (BTS SIO). Les erreurs suivent RFC 9457 "
                + "(application/problem+json) ; les messages sont en français, en anglais avec Accept-Language: en."))
@SecurityScheme(securitySchemeName = "admin", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Jeton d'administration (variable d'environnement ADMIN_TOKEN)")
public class RestApplication extends Application {

    /** No generated WADL at {@code /application.wadl}: the API is described, on purpose, by {@code /openapi}. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
