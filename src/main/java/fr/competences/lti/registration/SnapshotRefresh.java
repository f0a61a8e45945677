package fr.competences.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How old the in-memory snapshots that every request reads (registrations, session revocations) may get
 * ({@code CLUSTER_REFRESH_INTERVAL}, default 30 s): the instance that records a change reloads at once, the others
 * sharing the database when their snapshot reaches this age. It is the bound within which a platform disabled or a
 * session revoked through one instance is refused by all (docs/deploy.md).
 */
@ApplicationScoped
public class SnapshotRefresh {

    static final Duration DEFAULT = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(SnapshotRefresh.class.getName());

    @Inject
    @ConfigProperty(name = "cluster.refresh-interval", defaultValue = "PT30S")
    String configured;

    private volatile Duration interval;

    public Duration interval() {
        Duration current = interval;
        if (current == null) {
            current = parse(configured);
            interval = current;
        }
        return current;
    }

    /** An unreadable or non-positive value keeps the default: a wrong setting must not open or close the tool. */
    static Duration parse(String text) {
        try {
            Duration parsed = Duration.parse(text.strip());
            if (parsed.isPositive()) {
                return parsed;
            }
        } catch (DateTimeParseException | NullPointerException e) {
            // said below
        }
        LOG.warning(() -> "CLUSTER_REFRESH_INTERVAL illisible ou non positif (« " + text + " ») : " + DEFAULT
                + " retenu (format ISO-8601, ex. PT10S)");
        return DEFAULT;
    }
}
