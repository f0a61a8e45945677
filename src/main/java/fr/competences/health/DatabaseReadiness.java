package fr.competences.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready}: see {@link DatabaseCheck}. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness extends DatabaseCheck {
}
