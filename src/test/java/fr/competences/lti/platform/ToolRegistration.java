package fr.competences.lti.platform;

import java.util.List;

/**
 * The tool as one registration on the platform (a Moodle "tool type"): its client_id, its deployment ids, and the
 * URLs it declared. {@code active} is false while a dynamically registered tool is Pending.
 */
public record ToolRegistration(String clientId, List<String> deploymentIds, String loginUri, List<String> redirectUris,
        String targetLinkUri, boolean active) {

    public String deploymentId() {
        return deploymentIds.get(0);
    }

    ToolRegistration activated() {
        return new ToolRegistration(clientId, deploymentIds, loginUri, redirectUris, targetLinkUri, true);
    }
}
