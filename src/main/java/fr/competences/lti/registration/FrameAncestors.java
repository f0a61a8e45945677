package fr.competences.lti.registration;

import fr.competences.http.FramingOrigins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may frame the tool's pages (Content-Security-Policy {@code frame-ancestors}): the tool itself, and for every
 * enabled platform the origin of its issuer (Moodle's issuer is its {@code wwwroot}) plus the origins its administrator
 * added. Computed from the registrations' in-memory snapshot and kept until that snapshot is replaced, so it follows
 * registrations as launches do: at once on the instance that changed them, within {@link SnapshotRefresh#interval()}
 * on the others.
 */
@ApplicationScoped
public class FrameAncestors implements FramingOrigins {

    private record Computed(List<RegisteredPlatform> from, String sources) {
    }

    @Inject
    Registrations registrations;

    private volatile Computed computed;

    @Override
    public String sources() {
        List<RegisteredPlatform> platforms = registrations.snapshot();
        Computed current = computed;
        if (current == null || current.from() != platforms) {
            current = new Computed(platforms, of(platforms));
            computed = current;
        }
        return current.sources();
    }

    @Override
    public String sourcesWhileRegistering(String openIdConfigurationUrl) {
        return Origins.of(openIdConfigurationUrl).map(this::sourcesWith).orElseGet(this::sources);
    }

    /** The source list with one more origin. */
    String sourcesWith(String origin) {
        String sources = sources();
        return (" " + sources + " ").contains(" " + origin + " ") ? sources : sources + " " + origin;
    }

    static String of(List<RegisteredPlatform> platforms) {
        Set<String> origins = new TreeSet<>();
        for (RegisteredPlatform platform : platforms) {
            if (platform.enabled()) {
                Origins.of(platform.issuer()).ifPresent(origins::add);
                origins.addAll(platform.frameOrigins());
            }
        }
        StringBuilder sources = new StringBuilder("'self'");
        origins.forEach(origin -> sources.append(' ').append(origin));
        return sources.toString();
    }
}
