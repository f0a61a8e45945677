package fr.competences.lti.ags;

import fr.competences.lti.registration.RegisteredPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * Score publish service: {@code POST {lineitem}/scores} (https://www.imsglobal.org/spec/lti-ags/v2p0/#score-publish-service).
 * Returns the platform's answer as is: what a status means for the delivery (409 = a newer grade is there, P-9.3;
 * 400 = user not gradable, P-9.1) is the caller's decision.
 */
@ApplicationScoped
public class Scores {

    public static final String SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

    @Inject
    AccessTokens tokens;

    public ServiceResponse post(RegisteredPlatform platform, String lineItemUrl, Score score) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ServiceUrls.withPath(lineItemUrl, "/scores")))
                .header("Content-Type", Score.MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(score.toJson().toString()));
        HttpResponse<String> response = PlatformHttp.authorized(tokens, platform, Set.of(SCOPE), request);
        return new ServiceResponse(response.statusCode(), PlatformHttp.excerpt(response.body()));
    }
}
