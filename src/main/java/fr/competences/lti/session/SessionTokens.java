package fr.competences.lti.session;

import com.nimbusds.jwt.JWTClaimsSet;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.keys.HmacTokens;
import fr.competences.view.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;

/**
 * Session tokens: HS256 JWTs signed with the server's secret, valid {@link #VALIDITY}, renewable until
 * {@link #MAX_LIFETIME} after the launch. Verifying one costs an HMAC, no database access.
 *
 * <p>Tokens travel in URLs (links and forms of the pages), so one may be copied out of an address bar, a history or a
 * log. It is then worth {@link #VALIDITY} at most: renewing needs the session's <em>renewal key</em> too, which
 * never appears in a URL the server sees. The launch hands it to the landing page in the fragment of its address
 * ({@code #lti_renewal=…}: browsers send fragments neither to servers nor in {@code Referer}); {@code assets/lti.js}
 * moves it to the tab's sessionStorage, takes it out of the address, and renews with it while the page is used, even
 * after a token expired in a hidden tab, until {@link #MAX_LIFETIME}. The key is an HMAC of the session's member and
 * launch time: nothing is stored.
 */
@ApplicationScoped
public class SessionTokens {

    static final String TYPE = "lti-session";
    static final String RENEWAL = "lti-session-renewal";
    /** How long a token copied out of a page is worth; the pages renew theirs well before (lti.js: every 3 min). */
    public static final Duration VALIDITY = Duration.ofMinutes(10);
    static final Duration MAX_LIFETIME = Duration.ofHours(12);

    @Inject
    HmacTokens tokens;

    Clock clock = Clock.systemUTC();

    /** A session just opened: its first token, and the key that renews it (for the landing page only). */
    public record Opened(String token, String renewalKey) {
    }

    /** A session starting now, for a launch that just passed validation. */
    public Opened open(Session session) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Session opened = new Session(session.platformId(), session.deploymentId(), session.courseId(),
                session.resourceLinkId(), session.userId(), session.memberId(), session.role(), session.language(),
                session.deepLinkReturnUrl(), session.deepLinkData(), session.deepLinkMultiple(),
                now, now.plus(VALIDITY));
        // the key from the opened session's own launch time, which the token carries (not the provisioning's)
        return new Opened(issue(opened), renewalKey(opened));
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

    /** The key that renews this session's tokens: only the page the launch landed on is given it. */
    String renewalKey(Session session) {
        return tokens.mac(RENEWAL, session.memberId() + ":" + session.authenticatedAt().getEpochSecond());
    }

    /**
     * The session of a token presented for renewal with its renewal key: genuine, expired or not, within the
     * session's maximum lifetime. Empty without the right key: a token alone cannot be renewed.
     */
    Optional<Session> readForRenewal(String token, String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.verifyEvenIfExpired(TYPE, token).flatMap(SessionTokens::toSession)
                .filter(session -> session.authenticatedAt().plus(MAX_LIFETIME).isAfter(now))
                .filter(session -> MessageDigest.isEqual(renewalKey(session).getBytes(StandardCharsets.US_ASCII),
                        key.strip().getBytes(StandardCharsets.US_ASCII)));
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
                // to the millisecond, to tell a launch just before an administrator's revocation from one just after
                .claim("auth_ms", session.authenticatedAt().toEpochMilli())
                .expirationTime(Date.from(session.expiresAt()))
                .build());
    }

    private static Instant launchTime(JWTClaimsSet claims) throws ParseException {
        Long millis = claims.getLongClaim("auth_ms");
        return millis != null ? Instant.ofEpochMilli(millis) : Instant.ofEpochSecond(claims.getLongClaim("auth_time"));
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
                    launchTime(claims), claims.getExpirationTime().toInstant()));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty(); // signed by us, so only a token of an older format can land here
        }
    }
}
