package fr.competences.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Launch settings (microprofile-config.properties, or the environment: {@code LTI_CLOCK_LEEWAY_SECONDS}). */
@ApplicationScoped
public class LaunchSettings {

    @Inject
    @ConfigProperty(name = "lti.clock-leeway-seconds", defaultValue = "30")
    long clockLeewaySeconds;

    /**
     * Clock skew tolerated on exp, iat and nbf. Moodle's id_tokens live 60 s and clocks drift (docs/moodle.md P-4,
     * P-13), so no extra maximum age is applied.
     */
    public Duration clockLeeway() {
        return Duration.ofSeconds(Math.max(0, clockLeewaySeconds));
    }
}
