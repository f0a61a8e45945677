package fr.competences.lti.platform;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The platform's RSA keys, like Moodle's {@code certs.php}: one 2048-bit RS256 key with a random kid, and
 * rotation (the new key is published next to the old one and signs from now on).
 */
public final class SigningKeys {

    private final List<RSAKey> keys = new CopyOnWriteArrayList<>();

    SigningKeys() {
        keys.add(generate());
    }

    public static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(10))).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public RSAKey current() {
        return keys.get(keys.size() - 1);
    }

    /** Publishes a new key, which signs from now on. */
    public RSAKey rotate() {
        RSAKey next = generate();
        keys.add(next);
        return next;
    }

    String publicJwks() {
        return new JWKSet(keys.stream().map(RSAKey::toPublicJWK).map(JWK.class::cast).toList()).toString(true);
    }
}
