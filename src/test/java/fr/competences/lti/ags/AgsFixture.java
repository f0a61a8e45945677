package fr.competences.lti.ags;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import fr.competences.lti.outbound.OutboundHttp;
import fr.competences.lti.outbound.OutboundRules;
import fr.competences.lti.platform.MoodleServices;
import fr.competences.lti.registration.Platform;
import fr.competences.lti.registration.RegisteredPlatform;
import java.util.Map;
import java.util.Set;

/** A tool key, a {@link MoodleServices} that trusts it, and {@link AccessTokens} signing with it: no container. */
public final class AgsFixture implements AutoCloseable {

    public final MoodleServices moodle = MoodleServices.start();
    public final RegisteredPlatform platform;
    public final AccessTokens tokens = new AccessTokens();
    private final java.util.List<MoodleServices> others = new java.util.ArrayList<>();
    private final RSAKey key;

    public AgsFixture(Set<String> permittedScopes) {
        tokens.http = new OutboundHttp(new OutboundRules(true, false)); // MoodleServices listens on loopback
        try {
            key = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
            moodle.addTool("tool-client", () -> new JWKSet(key.toPublicJWK()), permittedScopes);
            tokens.signer = claims -> {
                try {
                    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT).build(), claims);
                    jwt.sign(new RSASSASigner(key));
                    return jwt.serialize();
                } catch (com.nimbusds.jose.JOSEException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        platform = registered(1, moodle);
    }

    /** A second platform (another Moodle) that trusts the same tool key: the same tokens service talks to both. */
    public RegisteredPlatform anotherPlatform(Set<String> permittedScopes) {
        MoodleServices other = MoodleServices.start();
        other.addTool("tool-client", () -> new JWKSet(key.toPublicJWK()), permittedScopes);
        others.add(other);
        return registered(2, other);
    }

    public MoodleServices other() {
        return others.getFirst();
    }

    private static RegisteredPlatform registered(long id, MoodleServices services) {
        return new RegisteredPlatform(id, services.baseUrl(), "tool-client", "Moodle " + id, services.baseUrl() + "/auth",
                services.tokenEndpoint(), services.baseUrl() + "/certs", true, Platform.RegisteredBy.ADMIN, Map.of());
    }

    public Scores scores() {
        Scores scores = new Scores();
        scores.tokens = tokens;
        return scores;
    }

    public Results results() {
        Results results = new Results();
        results.tokens = tokens;
        return results;
    }

    public LineItems lineItems() {
        LineItems lineItems = new LineItems();
        lineItems.tokens = tokens;
        return lineItems;
    }

    @Override
    public void close() {
        moodle.close();
        others.forEach(MoodleServices::close);
    }
}
