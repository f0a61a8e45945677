package fr.competences.lti.launch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

/**
 * What the tool gave a browser at login, carried by the signed {@code state}: the platform, the nonce it
 * expects back, and the hash of a browser secret that only this browser holds (state cookie or, when the
 * cookie is blocked, iframe-partitioned localStorage). The login parameters are kept to offer "open in a new
 * window" when neither comes back.
 */
record LoginState(String id, long platformId, String nonce, String browserHash, Instant expiresAt,
        LoginRequest request) {

    /** The cookie and localStorage entry holding this login's browser secret. */
    String storageKey() {
        return "lti_state_" + id;
    }

    /** Whether the secret presented is the one this login gave (constant-time). */
    boolean heldBy(String browserSecret) {
        return MessageDigest.isEqual(hash(browserSecret).getBytes(StandardCharsets.US_ASCII),
                browserHash.getBytes(StandardCharsets.US_ASCII));
    }

    static String hash(String browserSecret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(browserSecret.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
