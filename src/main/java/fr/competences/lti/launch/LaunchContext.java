package fr.competences.lti.launch;

import fr.competences.lti.course.CourseClaims;
import fr.competences.lti.course.PersonClaims;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A validated launch: who (platform, deployment, user, roles), where (course, resource link) and what
 * the later capabilities need from it (AGS/NRPS endpoints in {@code course} and {@code resourceLink},
 * deep linking settings, custom parameters), and the language of the user's pages (French or English, from the
 * launch presentation's locale).
 */
public record LaunchContext(long platformId, String issuer, String clientId, long deploymentRowId, String deploymentId,
        String messageType, String targetLinkUri, String subject, PersonClaims person, List<String> roles,
        String contextId, CourseClaims course, ResourceLinkClaims resourceLink, DeepLinkingSettings deepLinking,
        Map<String, String> custom, Locale language) {

    public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    public static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";

    public LaunchContext {
        roles = List.copyOf(roles);
        custom = Map.copyOf(custom);
    }

    public boolean isDeepLinking() {
        return DEEP_LINKING_REQUEST.equals(messageType);
    }

    /** The resource link claim, and the AGS line item coupled to it (null unless exactly one, docs/moodle.md P-7). */
    public record ResourceLinkClaims(String id, String title, String lineItemUrl) {
    }

    /** Where and how to return content items (Deep Linking 2.0); {@code data} must be echoed back. */
    public record DeepLinkingSettings(String returnUrl, String data, List<String> acceptTypes, boolean acceptMultiple) {
    }
}
