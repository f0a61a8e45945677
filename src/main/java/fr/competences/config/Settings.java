package fr.competences.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The settings every capability may need; see README "Configuration". */
@ApplicationScoped
public class Settings {

    @Inject
    @ConfigProperty(name = EnvironmentConfigSource.PUBLIC_URL)
    String publicUrl;

    @Inject
    @ConfigProperty(name = EnvironmentConfigSource.DATA_DIR)
    String dataDir;

    @Inject
    @ConfigProperty(name = "admin.token")
    Optional<String> adminToken;

    /** Base URL the LMS and browsers reach, without trailing slash. */
    public String publicUrl() {
        return publicUrl;
    }

    public Path dataDir() {
        return Path.of(dataDir);
    }

    /** The admin API's bearer token; empty when {@code ADMIN_TOKEN} is not set (admin API disabled). */
    public Optional<String> adminToken() {
        return adminToken.filter(token -> !token.isBlank());
    }
}
