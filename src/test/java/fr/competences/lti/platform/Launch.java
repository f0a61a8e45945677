package fr.competences.lti.platform;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One launch a platform user starts from a course activity: who, where, as what. {@code tamper} changes the id_token
 * the platform signs (a rejection test's claims, the user's language), {@link Forgery} the whole signing.
 */
public record Launch(ToolRegistration tool, String deploymentId, User user, List<String> roles, String contextId,
        String contextTitle, String resourceLinkId, String resourceLinkTitle, String messageType,
        Map<String, String> custom, UnaryOperator<JWTClaimsSet.Builder> tamper, Forgery forgery) {

    public static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    public static final String MENTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor";
    public static final String SITE_ADMIN = "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator";

    /** A platform user; name and email may be withheld by the platform's privacy settings (null). */
    public record User(String id, String name, String givenName, String familyName, String email) {

        public static User named(String id, String givenName, String familyName) {
            return new User(id, givenName + " " + familyName, givenName, familyName,
                    givenName.toLowerCase(java.util.Locale.ROOT) + "@lycee.test");
        }

        public static User anonymous(String id) {
            return new User(id, null, null, null, null);
        }
    }

    /** How the id_token is signed; the default is the platform's current key, as Moodle does. */
    public interface Forgery {
        String sign(JWTClaimsSet claims, SigningKeys keys);
    }

    public static Launch resourceLink(ToolRegistration tool, User user, String role, String contextId, String linkId) {
        return new Launch(tool, tool.deploymentId(), user, List.of(role), contextId, "Cours " + contextId, linkId,
                "Activité " + linkId, "LtiResourceLinkRequest", new LinkedHashMap<>(Map.of("competences", "B1.1")),
                UnaryOperator.identity(), null);
    }

    public Launch tampered(UnaryOperator<JWTClaimsSet.Builder> change) {
        return new Launch(tool, deploymentId, user, roles, contextId, contextTitle, resourceLinkId, resourceLinkTitle,
                messageType, custom, change, forgery);
    }

    public Launch forged(Forgery signing) {
        return new Launch(tool, deploymentId, user, roles, contextId, contextTitle, resourceLinkId, resourceLinkTitle,
                messageType, custom, tamper, signing);
    }

    public Launch withRoles(String... newRoles) {
        return new Launch(tool, deploymentId, user, List.of(newRoles), contextId, contextTitle, resourceLinkId,
                resourceLinkTitle, messageType, custom, tamper, forgery);
    }

    public Launch inDeployment(String otherDeploymentId) {
        return new Launch(tool, otherDeploymentId, user, roles, contextId, contextTitle, resourceLinkId,
                resourceLinkTitle, messageType, custom, tamper, forgery);
    }

    /**
     * The same launch by a user whose platform language is {@code locale} ({@code launch_presentation.locale}: Moodle
     * sends e.g. {@code en}, {@code en_us}; without this, the test platform sends {@code fr}).
     */
    public Launch inLocale(String locale) {
        return tampered(claims -> tamper.apply(claims).claim("https://purl.imsglobal.org/spec/lti/claim/"
                + "launch_presentation", Map.of("locale", locale, "document_target", "iframe")));
    }

    public Launch deepLinking() {
        return new Launch(tool, deploymentId, user, roles, contextId, contextTitle, null, null,
                "LtiDeepLinkingRequest", custom, tamper, forgery);
    }
}
