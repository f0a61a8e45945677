package fr.competences.lti.ags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.competences.lti.outbound.OutboundHttp;
import fr.competences.lti.outbound.OutboundRules;
import fr.competences.lti.registration.Platform;
import fr.competences.lti.registration.RegisteredPlatform;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A platform answering 200 with something the tool cannot read is a {@link ServiceException} 502, as any other
 * failure of the platform (its status shows it to the teacher), never a NullPointerException.
 */
class MalformedAnswersTest {

    HttpServer server;
    String tokenAnswer = "{\"access_token\":\"t-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
    String lineItemsAnswer = "[]";

    AccessTokens tokens = new AccessTokens();
    RegisteredPlatform platform;

    MalformedAnswersTest() throws IOException {
        tokens.http = new OutboundHttp(new OutboundRules(true, false)); // the platform double is on loopback
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> answer(exchange, tokenAnswer));
        server.createContext("/lineitems", exchange -> answer(exchange, lineItemsAnswer));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        platform = new RegisteredPlatform(1, base, "tool-client", "Moodle", base + "/auth", base + "/token",
                base + "/certs", true, Platform.RegisteredBy.ADMIN, Map.of());
        tokens.signer = claims -> "assertion";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aTokenAnswerWithoutAccessTokenIsABadGateway() {
        tokenAnswer = "{\"token_type\":\"Bearer\",\"expires_in\":3600}";

        assertThatThrownBy(() -> tokens.token(platform, Set.of(Scores.SCOPE)))
                .isInstanceOfSatisfying(ServiceException.class,
                        e -> assertThat(e.status()).isEqualTo(502));
    }

    @Test
    void aLineItemWithoutIdIsABadGatewayWithThePlatformsWords() {
        lineItemsAnswer = "[{\"label\":\"TP\",\"scoreMaximum\":20}]";
        LineItems lineItems = new LineItems();
        lineItems.tokens = tokens;

        assertThatThrownBy(() -> lineItems.ofResourceLink(platform, platform.issuer() + "/lineitems", "11"))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.platformMessage()).contains("\"label\":\"TP\"");
                });
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
