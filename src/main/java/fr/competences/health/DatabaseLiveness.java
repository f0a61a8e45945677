package fr.competences.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Liveness;

/** {@code /health/live}: see {@link DatabaseCheck}. */
@Liveness
@ApplicationScoped
public class DatabaseLiveness extends DatabaseCheck {
}
