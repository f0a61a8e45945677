package fr.competences.lti.session;

import fr.competences.lti.LtiError;
import fr.competences.lti.registration.Registrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Whether a genuine session may still be used, for a page or to renew it: its platform and deployment are enabled and
 * no administrator ended it. Both from in-memory snapshots (no query per request), so both apply at once on the
 * instance that changed them and within {@code CLUSTER_REFRESH_INTERVAL} (30 s) on the others.
 */
@ApplicationScoped
class SessionGate {

    private static final Logger LOG = Logger.getLogger(SessionGate.class.getName());

    @Inject
    Registrations registrations;

    @Inject
    SessionRevocations revocations;

    /** Why the session may not go on; empty when it may. */
    Optional<LtiError> refusal(Session session) {
        if (registrations.find(session.platformId()).filter(p -> p.admits(session.deploymentId())).isEmpty()) {
            LOG.info(() -> "Session LTI refusée : plateforme " + session.platformId() + " ou son déploiement "
                    + session.deploymentId() + " désactivé");
            return Optional.of(LtiError.TOOL_DISABLED);
        }
        if (revocations.ended(session)) {
            LOG.info(() -> "Session LTI refusée : révoquée par l’administrateur (plateforme " + session.platformId()
                    + ", utilisateur " + session.userId() + ", cours " + session.courseId() + ")");
            return Optional.of(LtiError.SESSION_REVOKED);
        }
        return Optional.empty();
    }
}
