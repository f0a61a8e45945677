package fr.competences.lti.launch;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, defensive access to id_token claims: a missing required claim or a value of the wrong type is a
 * named {@link LtiException}, never a ClassCastException. Claim names: https://www.imsglobal.org/spec/lti/v1p3/#required-message-claims
 */
final class Claims {

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String MESSAGE_TYPE = LTI + "message_type";
    static final String VERSION = LTI + "version";
    static final String DEPLOYMENT_ID = LTI + "deployment_id";
    static final String TARGET_LINK_URI = LTI + "target_link_uri";
    static final String ROLES = LTI + "roles";
    static final String CONTEXT = LTI + "context";
    static final String RESOURCE_LINK = LTI + "resource_link";
    static final String CUSTOM = LTI + "custom";
    static final String LAUNCH_PRESENTATION = LTI + "launch_presentation";
    static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    static final int MAX_ID_LENGTH = 255;

    private final Map<String, Object> claims;

    Claims(JWTClaimsSet claims) {
        this.claims = claims.getClaims();
    }

    private Claims(Map<String, Object> claims) {
        this.claims = claims;
    }

    /**
     * The claims of an id_token read without checking its signature, only for what the sender may decide anyway: the
     * language of the page refusing its launch. Empty when the token is not a JWT of reasonable size.
     */
    static Optional<Claims> unverified(String idToken) {
        if (idToken == null || idToken.length() > LaunchValidator.MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Claims(JWTParser.parse(idToken.trim()).getJWTClaimsSet()));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    String required(String name) {
        return optional(name).filter(value -> !value.isBlank())
                .orElseThrow(() -> new LtiException(LtiError.CLAIM_MISSING, name));
    }

    /** A required identifier: not blank, at most 255 characters (the columns that key users, courses, links). */
    String identifier(String name) {
        String value = required(name);
        if (value.length() > MAX_ID_LENGTH) {
            throw new LtiException(LtiError.CLAIM_INVALID, name, "string, length ≤ " + MAX_ID_LENGTH);
        }
        return value;
    }

    Optional<String> optional(String name) {
        Object value = claims.get(name);
        if (value == null || value instanceof String) {
            return Optional.ofNullable((String) value);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Optional.of(value.toString()); // a numeric id sent without quotes
        }
        throw new LtiException(LtiError.CLAIM_INVALID, name, "string");
    }

    /** A nested claim object; empty when absent. */
    Optional<Claims> object(String name) {
        Object value = claims.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> nested = (Map<String, Object>) map;
            return Optional.of(new Claims(nested));
        }
        throw new LtiException(LtiError.CLAIM_INVALID, name, "object");
    }

    Claims requiredObject(String name) {
        return object(name).orElseThrow(() -> new LtiException(LtiError.CLAIM_MISSING, name));
    }

    /** A list of strings; a single string counts as a list of one. */
    Optional<List<String>> strings(String name) {
        Object value = claims.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String single) {
            return Optional.of(List.of(single));
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return Optional.of(list.stream().map(String.class::cast).toList());
        }
        throw new LtiException(LtiError.CLAIM_INVALID, name, "string[]");
    }

    /**
     * {@code launch_presentation.locale} (LTI Core §5.4.1; Moodle sends the user's language, e.g. {@code en_us}). It
     * only chooses the pages' language, so a malformed one is left out rather than refused.
     */
    Optional<String> locale() {
        return claims.get(LAUNCH_PRESENTATION) instanceof Map<?, ?> presentation
                && presentation.get("locale") instanceof String locale ? Optional.of(locale) : Optional.empty();
    }

    boolean flag(String name) {
        return Boolean.TRUE.equals(claims.get(name)) || "true".equals(claims.get(name));
    }

    /** The object's simple values as text (custom parameters); nested values are left out. */
    Map<String, String> texts() {
        Map<String, String> texts = new java.util.TreeMap<>();
        claims.forEach((key, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                texts.put(key, value.toString());
            }
        });
        return texts;
    }
}
