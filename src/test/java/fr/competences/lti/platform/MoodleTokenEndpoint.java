package fr.competences.lti.platform;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Moodle's {@code mod/lti/token.php} (docs/moodle.md P-11c) made stricter, so the tests check our client assertion:
 * form-encoded POST only, {@code client_credentials} with a JWT-bearer assertion, the tool found by {@code sub},
 * signature checked against the tool's key set, iss = sub, aud = this endpoint, not expired, {@code iat} not in the
 * future (Moodle has no leeway, P-13), {@code jti} never reused. Scopes granted = requested ∩ permitted.
 */
final class MoodleTokenEndpoint {

    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /** A tool type as the platform knows it: its key set, and the scopes its service settings permit. */
    record Tool(String clientId, Supplier<JWKSet> keys, Set<String> permittedScopes) {
    }

    record Issued(String clientId, Set<String> scopes, Instant expiresAt) {
    }

    private final Map<String, Tool> tools = new ConcurrentHashMap<>();
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final Set<String> usedJtis = ConcurrentHashMap.newKeySet();

    void add(Tool tool) {
        tools.put(tool.clientId(), tool);
    }

    Issued issued(String token) {
        Issued issued = token == null ? null : tokens.get(token);
        return issued == null || issued.expiresAt().isBefore(Instant.now()) ? null : issued;
    }

    void revokeAll() {
        tokens.clear();
    }

    /** The answer: status and JSON body. */
    MoodleServices.Answer handle(String contentType, String body, String endpointUrl) {
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            return error(400, "invalid_request");
        }
        Map<String, String> form = form(body);
        if (!"client_credentials".equals(form.get("grant_type")) || !ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
            return error(400, "invalid_request");
        }
        try {
            SignedJWT assertion = SignedJWT.parse(form.getOrDefault("client_assertion", ""));
            JWTClaimsSet claims = assertion.getJWTClaimsSet();
            Tool tool = tools.get(claims.getSubject());
            Instant now = Instant.now();
            if (tool == null || !JWSAlgorithm.RS256.equals(assertion.getHeader().getAlgorithm())
                    || !verified(assertion, tool.keys().get())
                    || !tool.clientId().equals(claims.getIssuer())
                    || claims.getAudience() == null || !claims.getAudience().contains(endpointUrl)
                    || claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)
                    || claims.getIssueTime() == null || claims.getIssueTime().toInstant().isAfter(now)
                    || claims.getJWTID() == null || !usedJtis.add(claims.getJWTID())) {
                return error(400, "invalid_client");
            }
            Set<String> granted = new LinkedHashSet<>(Arrays.asList(form.getOrDefault("scope", "").split(" ")));
            granted.retainAll(tool.permittedScopes());
            if (granted.isEmpty()) {
                return error(400, "invalid_scope");
            }
            String token = java.util.UUID.randomUUID().toString().replace("-", "");
            tokens.put(token, new Issued(tool.clientId(), granted, now.plusSeconds(3600)));
            return new MoodleServices.Answer(200, "application/json", "{\"access_token\":\"" + token
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"" + String.join(" ", granted) + "\"}");
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException malformed) {
            return error(400, "invalid_request");
        }
    }

    private static boolean verified(SignedJWT assertion, JWKSet keys) throws com.nimbusds.jose.JOSEException {
        JWK key = keys.getKeyByKeyId(assertion.getHeader().getKeyID());
        return key instanceof RSAKey rsa && assertion.verify(new RSASSAVerifier(rsa));
    }

    /** A key set read from a URL at each request (Moodle caches it and refetches on failure, P-22). */
    static Supplier<JWKSet> keySetAt(String url) {
        HttpClient http = HttpClient.newHttpClient();
        return () -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return JWKSet.parse(response.body());
            } catch (Exception e) {
                throw new IllegalStateException("Jeu de clés de l'outil illisible : " + url, e);
            }
        };
    }

    private static MoodleServices.Answer error(int status, String error) {
        return new MoodleServices.Answer(status, "application/json", "{\"error\":\"" + error + "\"}");
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

}
