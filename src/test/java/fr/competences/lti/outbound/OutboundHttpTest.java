package fr.competences.lti.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guarded client against a server on loopback: refused unless loopback is allowed, never redirected. */
class OutboundHttpTest {

    HttpServer server;
    volatile long stream = 0;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Link", "<http://127.0.0.1/next>; rel=\"next\"");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/redirect", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Location", base() + "/ok");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/big", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(new byte[2048]);
            exchange.close();
        });
        server.createContext("/endless", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, 0); // chunked, never ends
            try {
                while (true) {
                    exchange.getResponseBody().write(new byte[1024]);
                    Thread.sleep(stream);
                }
            } catch (IOException | InterruptedException cutOff) {
                exchange.close();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void refusesLoopbackByDefaultWithoutSendingAnything() {
        OutboundHttp http = new OutboundHttp(OutboundRules.DEFAULT);

        for (String url : new String[] {base() + "/ok", "http://localhost:" + port() + "/ok"}) {
            assertThatThrownBy(() -> http.send(OutboundRequest.post(URI.create(url), "application/json", "{}")))
                    .isInstanceOfSatisfying(OutboundException.class,
                            e -> assertThat(e.reason()).isEqualTo(OutboundException.Reason.ADDRESS_REFUSED));
        }
        assertThat(requests).hasValue(0);
    }

    @Test
    void reachesLoopbackWhenAllowed() throws OutboundException {
        OutboundResponse response = new OutboundHttp(new OutboundRules(true, false))
                .send(OutboundRequest.get(URI.create(base() + "/ok")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(response.headers("link")).hasSize(1);
    }

    @Test
    void followsNoRedirect() throws OutboundException {
        OutboundResponse response = new OutboundHttp(new OutboundRules(true, false))
                .send(OutboundRequest.get(URI.create(base() + "/redirect")));

        assertThat(response.status()).isEqualTo(302);
        assertThat(requests).hasValue(1);
    }

    @Test
    void boundsTheAnswer() {
        OutboundHttp http = new OutboundHttp(new OutboundRules(true, false));

        assertThatThrownBy(() -> http.send(OutboundRequest.get(URI.create(base() + "/big")).maxAnswerBytes(1024)))
                .isInstanceOfSatisfying(OutboundException.class,
                        e -> assertThat(e.reason()).isEqualTo(OutboundException.Reason.ANSWER_TOO_LARGE));
    }

    /** Closing the answer's stream would read it to its end: an endless answer must be cut off, not drained. */
    @Test
    void anEndlessAnswerIsCutOffAtTheBound() {
        OutboundHttp http = new OutboundHttp(new OutboundRules(true, false));

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(() -> http.send(
                OutboundRequest.get(URI.create(base() + "/endless")).maxAnswerBytes(64 * 1024)))
                .isInstanceOfSatisfying(OutboundException.class,
                        e -> assertThat(e.reason()).isEqualTo(OutboundException.Reason.ANSWER_TOO_LARGE)));
    }

    /** Each read gets a byte in time, so only the deadline of the whole exchange ends it. */
    @Test
    void anAnswerDrippedForeverMeetsTheDeadline() {
        stream = 100;
        OutboundHttp http = new OutboundHttp(new OutboundRules(true, false));

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(() -> http.send(
                OutboundRequest.get(URI.create(base() + "/endless")).timeout(Duration.ofSeconds(1))))
                .isInstanceOfSatisfying(OutboundException.class,
                        e -> assertThat(e.reason()).isEqualTo(OutboundException.Reason.UNREACHABLE)));
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIs() {
        GuardedResolver.Lookup mixed = host -> new InetAddress[] {
                InetAddress.getByName("8.8.8.8"), InetAddress.getByName("127.0.0.1")};
        OutboundHttp http = new OutboundHttp(OutboundRules.DEFAULT, mixed);

        assertThatThrownBy(() -> http.send(OutboundRequest.get(URI.create("http://rebind.test:" + port() + "/ok"))))
                .isInstanceOfSatisfying(OutboundException.class,
                        e -> assertThat(e.reason()).isEqualTo(OutboundException.Reason.ADDRESS_REFUSED));
        assertThat(requests).hasValue(0);
    }

    /** The resolver is bypassed here on purpose: the check of the socket's peer still refuses before sending. */
    @Test
    void thePeerOfTheOpenConnectionIsCheckedBeforeAnythingIsSent() throws IOException {
        PeerCheckingExecutor executor = new PeerCheckingExecutor(OutboundRules.DEFAULT);
        try (var client = org.apache.hc.client5.http.impl.classic.HttpClients.custom()
                .setRequestExecutor(executor).disableAutomaticRetries().build()) {
            assertThatThrownBy(() -> client.execute(
                    new org.apache.hc.client5.http.classic.methods.HttpPost(base() + "/ok"), response -> null))
                    .isInstanceOf(UnknownHostException.class).hasMessageContaining("127.0.0.1");
        }
        assertThat(requests).hasValue(0);
    }

    @Test
    void aPinnedSessionReachesTheAddressItVettedFirst() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        GuardedResolver.Lookup rebinding = host -> lookups.incrementAndGet() == 1
                ? new InetAddress[] {InetAddress.getLoopbackAddress()}
                : new InetAddress[] {InetAddress.getByName("10.0.0.1")};
        OutboundHttp http = new OutboundHttp(new OutboundRules(true, true), rebinding);

        try (OutboundHttp.Pinned pinned = http.pinned()) {
            URI ok = URI.create("http://platform.test:" + port() + "/ok");
            assertThat(pinned.send(OutboundRequest.get(ok).header("Connection", "close")).status()).isEqualTo(200);
            assertThat(pinned.send(OutboundRequest.get(ok).header("Connection", "close")).status()).isEqualTo(200);
        }
        assertThat(lookups).hasValue(1);
        assertThat(requests).hasValue(2);
    }

    @Test
    void aClosedPortIsJustUnreachable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        OutboundHttp http = new OutboundHttp(new OutboundRules(true, false));

        assertThatThrownBy(() -> http.send(OutboundRequest.get(URI.create("http://127.0.0.1:" + closed + "/"))))
                .isInstanceOfSatisfying(OutboundException.class,
                        e -> assertThat(e.reason()).isEqualTo(OutboundException.Reason.UNREACHABLE));
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private String base() {
        return "http://127.0.0.1:" + port();
    }

}
