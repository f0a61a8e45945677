package fr.competences.lti.session;

import com.nimbusds.jwt.JWTClaimsSet;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.keys.HmacTokens;
import fr.competences.view.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Session tokens: HS256 JWTs signed with the server's secret, valid {@link #VALIDITY}, renewable until
 * {@link #MAX_LIFETIME} after the launch. Verifying one costs an HMAC, no database access.
 */
@ApplicationScoped
public class SessionTokens {

    static final String TYPE = "lti-session";
    public static final Duration VALIDITY = Duration.ofMinutes(30);
    static final Duration MAX_LIFETIME = Duration.ofHours(12);

    @Inject
    HmacTokens tokens;

    Clock clock = Clock.systemUTC();

    /** A session starting now, for a launch that just passed validation. */
    public String open(Session session) {
        Instant now = clock.instant();
        return issue(new Session(session.platformId(), session.deploymentId(), session.courseId(),
                session.resourceLinkId(), session.userId(), session.memberId(), session.role(), session.language(),
                session.deepLinkReturnUrl(), session.deepLinkData(), session.deepLinkMultiple(),
                now, now.plus(VALIDITY)));
    }

    /** A token for a session changed in place (its language), expiring when the old one does: that is no renewal. */
    String reissue(Session session) {
        return issue(session);
    }

    /** The same session with the member's current role and a new expiry; empty once the maximum lifetime is over. */
    Optional<String> renew(Session session, CourseRole role) {
        Instant now = clock.instant();
        Instant expiry = now.plus(VALIDITY);
        Instant limit = session.authenticatedAt().plus(MAX_LIFETIME);
        if (!limit.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(issue(session.withRole(role, expiry.isAfter(limit) ? limit : expiry)));
    }

    Optional<Session> read(String token) {
        return tokens.verify(TYPE, token).flatMap(SessionTokens::toSession);
    }

    private String issue(Session session) {
        return tokens.sign(TYPE, new JWTClaimsSet.Builder()
                .subject(Long.toString(session.userId()))
                .claim("plt", session.platformId())
                .claim("dep", session.deploymentId())
                .claim("crs", session.courseId())
                .claim("lnk", session.resourceLinkId())
                .claim("mbr", session.memberId())
                .claim("role", session.role().name())
                .claim("lang", session.language().getLanguage())
                .claim("dlr", session.deepLinkReturnUrl())
                .claim("dld", session.deepLinkData())
                .claim("dlm", session.deepLinkMultiple())
                .claim("auth_time", session.authenticatedAt().getEpochSecond())
                .expirationTime(Date.from(session.expiresAt()))
                .build());
    }

    private static Optional<Session> toSession(JWTClaimsSet claims) {
        try {
            // A token issued before sessions had a language has no "lang": French, as its pages were.
            return Optional.of(new Session(claims.getLongClaim("plt"), claims.getLongClaim("dep"),
                    claims.getLongClaim("crs"), claims.getLongClaim("lnk"), Long.parseLong(claims.getSubject()),
                    claims.getLongClaim("mbr"), CourseRole.valueOf(claims.getStringClaim("role")),
                    Language.fromTag(claims.getStringClaim("lang")), claims.getStringClaim("dlr"),
                    claims.getStringClaim("dld"),
                    Boolean.TRUE.equals(claims.getBooleanClaim("dlm")),
                    Instant.ofEpochSecond(claims.getLongClaim("auth_time")), claims.getExpirationTime().toInstant()));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty(); // signed by us, so only a token of an older format can land here
        }
    }
}
