package fr.competences.gradebook.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gradebook sync settings (docs/gradebook.md), each overridable by an environment variable, e.g.
 * {@code GRADEBOOK_SYNC_GIVE_UP_AFTER=PT72H}.
 */
@ApplicationScoped
public class OutboxSettings {

    /** How long a score is retried before it is shown as failed (ISO-8601 duration). */
    @Inject
    @ConfigProperty(name = "gradebook.sync.give-up-after", defaultValue = "PT48H")
    String giveUpAfter;

    /** Scores sent at once to a platform at first; the worker adapts it to the platform's answers. */
    @Inject
    @ConfigProperty(name = "gradebook.sync.concurrency", defaultValue = "4")
    int concurrency;

    /** The most scores ever sent at once to one platform, however fast it answers. */
    @Inject
    @ConfigProperty(name = "gradebook.sync.max-concurrency", defaultValue = "16")
    int maxConcurrency;

    /** How often the worker looks for due scores (changes made here wake it at once). */
    @Inject
    @ConfigProperty(name = "gradebook.sync.poll-interval", defaultValue = "PT2S")
    String pollInterval;

    /** How long a claimed score is reserved for this instance before another may take it over. */
    @Inject
    @ConfigProperty(name = "gradebook.sync.lease", defaultValue = "PT2M")
    String lease;

    public Duration giveUpAfter() {
        return Duration.parse(giveUpAfter);
    }

    public int concurrency() {
        return Math.clamp(concurrency, 1, maxConcurrency());
    }

    public int maxConcurrency() {
        return Math.max(1, maxConcurrency);
    }

    public Duration pollInterval() {
        return Duration.parse(pollInterval);
    }

    public Duration lease() {
        return Duration.parse(lease);
    }
}
