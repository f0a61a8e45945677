package fr.competences.lti.ags;

import fr.competences.lti.registration.RegisteredPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import fr.competences.lti.outbound.OutboundRequest;
import fr.competences.lti.outbound.OutboundResponse;
import java.net.URI;
import java.time.Instant;
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
        OutboundRequest request = OutboundRequest.post(URI.create(ServiceUrls.withPath(lineItemUrl, "/scores")),
                Score.MEDIA_TYPE, score.toJson().toString());
        OutboundResponse response = PlatformHttp.authorized(tokens, platform, Set.of(SCOPE), request);
        return new ServiceResponse(response.status(), PlatformHttp.excerpt(response.body()),
                RetryAfter.parse(response.headers("Retry-After"), Instant.now()).orElse(null));
    }
}
