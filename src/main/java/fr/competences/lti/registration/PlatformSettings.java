package fr.competences.lti.registration;

import java.util.List;

/**
 * What an administrator (or dynamic registration) states about a platform: its endpoints and the
 * deployment ids it may launch with. Deployments missing from the list are disabled, never deleted
 * (courses refer to them). {@code frameOrigins}: origins besides the issuer's whose pages may frame the tool (an LMS
 * serving its pages elsewhere than its issuer); null leaves those already stored unchanged.
 */
public record PlatformSettings(String issuer, String clientId, String name, String authorizationEndpoint,
        String tokenEndpoint, String jwksUri, List<String> deploymentIds, boolean enabled, List<String> frameOrigins) {

    public PlatformSettings {
        deploymentIds = List.copyOf(deploymentIds);
        frameOrigins = frameOrigins == null ? null : List.copyOf(frameOrigins);
    }

    /** Settings that leave the platform's frame origins as they are (dynamic registration knows none). */
    public PlatformSettings(String issuer, String clientId, String name, String authorizationEndpoint,
            String tokenEndpoint, String jwksUri, List<String> deploymentIds, boolean enabled) {
        this(issuer, clientId, name, authorizationEndpoint, tokenEndpoint, jwksUri, deploymentIds, enabled, null);
    }
}
