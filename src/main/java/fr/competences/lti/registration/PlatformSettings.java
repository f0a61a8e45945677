package fr.competences.lti.registration;

import java.util.List;

/**
 * What an administrator (or dynamic registration) states about a platform: its endpoints and the
 * deployment ids it may launch with. Deployments missing from the list are disabled, never deleted
 * (courses refer to them).
 */
public record PlatformSettings(String issuer, String clientId, String name, String authorizationEndpoint,
        String tokenEndpoint, String jwksUri, List<String> deploymentIds, boolean enabled) {

    public PlatformSettings {
        deploymentIds = List.copyOf(deploymentIds);
    }
}
