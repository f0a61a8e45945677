package fr.competences.lti.platform;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Moodle's {@code contentitem_return.php} (docs/moodle.md P-14): reads the form field {@code JWT}, finds the tool by
 * {@code iss} = client_id ("errorincorrectconsumerkey" otherwise), verifies the signature with the tool's key set
 * fetched from its JWKS URL, and checks what Moodle and the spec require (no clock leeway, message type, version,
 * deployment id of the type in {@code id}). Accepted responses are kept for the tests to inspect.
 */
public final class DeepLinkingReturn {

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    /** A response the platform accepted: its verified claims, and the resource link ids of the activities it made. */
    public record Received(ToolRegistration tool, JWTClaimsSet claims, List<String> links) {

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) claims.getClaim(DL + "content_items");
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final java.util.concurrent.atomic.AtomicInteger instances = new java.util.concurrent.atomic.AtomicInteger(7000);
    private volatile boolean acceptGrades = true;

    /**
     * The tool's "Accept grades from the tool" setting (P-14): when off, an item's {@code lineItem} is ignored and the
     * activity gets no grade item.
     */
    public void acceptGrades(boolean accept) {
        this.acceptGrades = accept;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    void handle(TestPlatform platform, HttpExchange exchange) throws IOException {
        Map<String, String> query = AuthorizationEndpoint.query(exchange.getRequestURI().getRawQuery());
        Map<String, String> form = AuthorizationEndpoint.query(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
            Received accepted = create(platform, query.get("course"), verify(platform, query, form.get("JWT")));
            received.add(accepted);
            StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><body><h1 id=\"dl-done\">"
                    + "Contenu ajouté au cours</h1><ul>");
            accepted.items().forEach(item -> page.append("<li>").append(item.get("title")).append("</li>"));
            TestPlatform.respond(exchange, 200, "text/html", page.append("</ul></body></html>").toString());
        } catch (RuntimeException refused) {
            TestPlatform.respond(exchange, 400, "text/html", "<p id=\"dl-error\">" + refused.getMessage() + "</p>");
        }
    }

    /**
     * Moodle creates one activity (an lti instance, whose id is the resource link id of its launches) per item, with
     * the item's custom parameters, and couples a grade item to it from the item's {@code lineItem}, keeping its
     * {@code resourceId} and {@code tag} (P-14).
     */
    @SuppressWarnings("unchecked")
    private Received create(TestPlatform platform, String course, Received verified) {
        List<String> links = new java.util.ArrayList<>();
        for (Map<String, Object> item : verified.items()) {
            String link = Integer.toString(instances.incrementAndGet());
            links.add(link);
            Map<String, Object> lineItem = (Map<String, Object>) item.get("lineItem");
            if (lineItem != null && acceptGrades) {
                platform.services().addDeepLinkedLineItem(course, link, (String) lineItem.get("label"),
                        new java.math.BigDecimal(lineItem.get("scoreMaximum").toString()),
                        (String) lineItem.get("resourceId"), (String) lineItem.get("tag"));
            }
        }
        return new Received(verified.tool(), verified.claims(), List.copyOf(links));
    }

    private Received verify(TestPlatform platform, Map<String, String> query, String jwt) {
        if (jwt == null) {
            throw new IllegalArgumentException("missing JWT field");
        }
        try {
            SignedJWT signed = SignedJWT.parse(jwt);
            JWTClaimsSet claims = signed.getJWTClaimsSet();
            ToolRegistration tool = platform.tool(claims.getIssuer());
            if (tool == null) {
                throw new IllegalArgumentException("errorincorrectconsumerkey");
            }
            if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
                throw new IllegalArgumentException("alg " + signed.getHeader().getAlgorithm());
            }
            RSAKey key = (RSAKey) toolKeys(tool).getKeyByKeyId(signed.getHeader().getKeyID());
            if (key == null || !signed.verify(new RSASSAVerifier(key))) {
                throw new IllegalArgumentException("signature");
            }
            Date now = new Date();
            if (claims.getIssueTime() == null || claims.getIssueTime().after(now)) {
                throw new IllegalArgumentException("BeforeValidException iat");
            }
            if (claims.getExpirationTime() == null || claims.getExpirationTime().before(now)) {
                throw new IllegalArgumentException("ExpiredException");
            }
            require("LtiDeepLinkingResponse".equals(claims.getStringClaim(LTI + "message_type")), "message_type");
            require("1.3.0".equals(claims.getStringClaim(LTI + "version")), "version");
            String deployment = claims.getStringClaim(LTI + "deployment_id");
            require(tool.deploymentIds().contains(deployment) && deployment.equals(query.get("id")), "deployment_id");
            require(claims.getAudience().contains(platform.issuer()), "aud");
            require(claims.getStringClaim("nonce") != null, "nonce");
            require(claims.getClaim(DL + "content_items") instanceof List, "content_items");
            return new Received(tool, claims, List.of());
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Moodle fetches the tool's key set from the URL it was configured with (here: next to the login URL). */
    private JWKSet toolKeys(ToolRegistration tool) {
        try {
            URI jwks = URI.create(tool.loginUri().replace("/lti/login", "/lti/jwks"));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(jwks).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JWKSet.parse(answer.body());
        } catch (IOException | java.text.ParseException e) {
            throw new IllegalArgumentException("JWKS: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void require(boolean valid, String claim) {
        if (!valid) {
            throw new IllegalArgumentException("invalid " + claim);
        }
    }
}
