package fr.competences.lti.ags;

import fr.competences.lti.registration.RegisteredPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Result service: {@code GET {lineitem}/results} (https://www.imsglobal.org/spec/lti-ags/v2p0/#result-service),
 * every page. Moodle leaves {@code resultScore} out for a 0 grade (P-10): an absent score is not "not graded".
 */
@ApplicationScoped
public class Results {

    public static final String SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    static final String MEDIA_TYPE = "application/vnd.ims.lis.v2.resultcontainer+json";

    /** One user's grade as the platform holds it; {@code resultScore} may be null (see above). */
    public record Result(String userId, BigDecimal resultScore, BigDecimal resultMaximum, String comment) {
    }

    @Inject
    AccessTokens tokens;

    public List<Result> list(RegisteredPlatform platform, String lineItemUrl) {
        String url = ServiceUrls.withQuery(ServiceUrls.withPath(lineItemUrl, "/results"), Map.of("limit", "500"));
        return PlatformHttp.pages(tokens, platform, Set.of(SCOPE), url, MEDIA_TYPE, JsonStructure::asJsonArray,
                Results::result);
    }

    private static Result result(JsonObject json) {
        return new Result(json.getString("userId", null), number(json, "resultScore"), number(json, "resultMaximum"),
                json.getString("comment", null));
    }

    static BigDecimal number(JsonObject json, String name) {
        return json.get(name) instanceof JsonNumber number ? number.bigDecimalValue() : null;
    }
}
