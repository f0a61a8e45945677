package fr.competences.http;

import fr.competences.persistence.SqlStatements;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code SERVER_TIMING=true}, every page and API answer says what it cost the server (the W3C
 * {@code Server-Timing} header, shown by browsers' developer tools): {@code app} the time from the request's arrival
 * in JAX-RS to its answer (before the body is written), {@code db} the time and number of SQL statements. Off by
 * default: timings are for the people who run the tool, not for anyone on the internet.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100) // first in, so that the filters' own queries count
public class ServerTiming implements ContainerRequestFilter, ContainerResponseFilter {

    static final String STARTED = ServerTiming.class.getName() + ".started";
    static final String TALLY = ServerTiming.class.getName() + ".tally";

    @Inject
    @ConfigProperty(name = "server-timing", defaultValue = "false")
    boolean enabled;

    @Override
    public void filter(ContainerRequestContext request) {
        if (enabled) {
            request.setProperty(STARTED, System.nanoTime());
            request.setProperty(TALLY, SqlStatements.start());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(TALLY) instanceof SqlStatements.Tally tally)
                || !(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        tally.stop();
        response.getHeaders().add("Server-Timing", String.format(Locale.ROOT,
                "app;dur=%.1f, db;dur=%.1f;desc=\"%d SQL\"", (System.nanoTime() - started) / 1e6, tally.millis(),
                tally.statements()));
    }
}
