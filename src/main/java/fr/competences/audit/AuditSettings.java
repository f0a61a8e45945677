package fr.competences.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The log's settings (README "Configuration"), each overridable by an environment variable. */
@ApplicationScoped
public class AuditSettings {

    /** How long a line is kept ({@code AUDIT_RETENTION}, ISO-8601: P1Y, P6M, P90D…). */
    @Inject
    @ConfigProperty(name = "audit.retention", defaultValue = "P1Y")
    String retention;

    /** How often each instance looks whether the day's purge is due ({@code AUDIT_PURGE_CHECK_INTERVAL}). */
    @Inject
    @ConfigProperty(name = "audit.purge.check-interval", defaultValue = "PT1H")
    String checkInterval;

    Retention retention() {
        return Retention.parse(retention);
    }

    /** The retention as configured, ISO-8601 (P1Y…). */
    public String retentionText() {
        return retention().text();
    }

    Duration checkInterval() {
        return Duration.parse(checkInterval);
    }
}
