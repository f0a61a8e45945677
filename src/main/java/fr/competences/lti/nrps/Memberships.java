package fr.competences.lti.nrps;

import fr.competences.lti.ags.AccessTokens;
import fr.competences.lti.ags.PlatformHttp;
import fr.competences.lti.ags.ServiceUrls;
import fr.competences.lti.registration.RegisteredPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Membership service: {@code GET context_memberships_url} and its {@code rel="next"} pages
 * (https://www.imsglobal.org/spec/lti-nrps/v2p0/#membership-container-media-type). Which personal fields are
 * present depends on the platform's privacy settings (docs/moodle.md P-5).
 */
@ApplicationScoped
public class Memberships {

    public static final String SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    static final String MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

    /** A member of the course; {@code status} is Active (the default), Inactive or Deleted. */
    public record Member(String userId, String name, String givenName, String familyName, String email,
            List<String> roles, String status) {
    }

    @Inject
    AccessTokens tokens;

    public List<Member> list(RegisteredPlatform platform, String membershipsUrl) {
        String url = ServiceUrls.withQuery(membershipsUrl, Map.of("limit", "200"));
        return PlatformHttp.pages(tokens, platform, Set.of(SCOPE), url, MEDIA_TYPE,
                container -> container.asJsonObject().getJsonArray("members"), Memberships::member);
    }

    private static Member member(JsonObject json) {
        List<String> roles = json.getJsonArray("roles") == null ? List.of() : json.getJsonArray("roles").stream()
                .filter(v -> v.getValueType() == JsonValue.ValueType.STRING).map(v -> ((JsonString) v).getString())
                .toList();
        return new Member(json.getString("user_id"), json.getString("name", null), json.getString("given_name", null),
                json.getString("family_name", null), json.getString("email", null), roles,
                json.getString("status", "Active"));
    }
}
