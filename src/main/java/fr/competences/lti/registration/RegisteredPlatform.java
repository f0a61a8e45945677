package fr.competences.lti.registration;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable view of a platform and its enabled deployments (deployment id → row id), as launches
 * and the admin API see it. {@code frameOrigins}: the origins an administrator added to frame the tool.
 */
public record RegisteredPlatform(long id, String issuer, String clientId, String name, String authorizationEndpoint,
        String tokenEndpoint, String jwksUri, boolean enabled, Platform.RegisteredBy registeredBy,
        Map<String, Long> deployments, List<String> frameOrigins) {

    public RegisteredPlatform {
        deployments = Map.copyOf(deployments);
        frameOrigins = List.copyOf(frameOrigins);
    }

    public RegisteredPlatform(long id, String issuer, String clientId, String name, String authorizationEndpoint,
            String tokenEndpoint, String jwksUri, boolean enabled, Platform.RegisteredBy registeredBy,
            Map<String, Long> deployments) {
        this(id, issuer, clientId, name, authorizationEndpoint, tokenEndpoint, jwksUri, enabled, registeredBy,
                deployments, List.of());
    }

    static RegisteredPlatform of(Platform platform, List<Deployment> deployments) {
        Map<String, Long> enabled = new java.util.HashMap<>();
        deployments.stream().filter(Deployment::enabled).forEach(d -> enabled.put(d.deploymentId(), d.id()));
        return new RegisteredPlatform(platform.id(), platform.issuer(), platform.clientId(), platform.name(),
                platform.authorizationEndpoint(), platform.tokenEndpoint(), platform.jwksUri(), platform.enabled(),
                platform.registeredBy(), enabled, platform.frameOrigins());
    }

    /** The row id of an enabled deployment of this platform. */
    public Optional<Long> deployment(String deploymentId) {
        return Optional.ofNullable(deployments.get(deploymentId));
    }

    /** Whether sessions opened through this deployment (row id) may go on: the platform and it are both enabled. */
    public boolean admits(long deploymentRowId) {
        return enabled && deployments.containsValue(deploymentRowId);
    }

    public List<String> deploymentIds() {
        return deployments.keySet().stream().sorted().toList();
    }
}
