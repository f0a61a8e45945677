package fr.competences.lti.outbound;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every HTTP request the tool makes to a platform (OpenID configuration, registration, JWKS, token endpoint, AGS,
 * NRPS) goes through here, because those URLs come from outside: whoever opens a registration, or a platform's own
 * configuration. Each host name is resolved by a {@link GuardedResolver} that refuses loopback, link-local and
 * cloud-metadata addresses ({@link OutboundRules}), the connection is made to exactly the vetted addresses, and the
 * {@link PeerCheckingExecutor} checks the peer of the open socket before sending anything. No redirect is followed,
 * no cookie kept, no retry made, no compressed answer inflated, no proxy used; answers are read up to a bound, and
 * the whole exchange has a deadline.
 *
 * <p>Why Apache HttpClient rather than the JDK's {@code java.net.http.HttpClient}: the JDK client resolves names
 * itself and exposes neither a resolver hook nor the peer address, so the only way to pin the vetted address with it
 * is to rewrite the URL to the IP and fix the {@code Host} header (a restricted header) and TLS's SNI and hostname
 * check by hand. HttpClient's {@code DnsResolver} is a public extension point made for this: it connects to the
 * addresses the resolver returns while TLS still uses the host name for SNI and certificate checks.
 */
@ApplicationScoped
public class OutboundHttp {

    static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(5);

    @Inject
    @ConfigProperty(name = "lti.outbound.allow-loopback", defaultValue = "false")
    boolean allowLoopback;

    @Inject
    @ConfigProperty(name = "lti.outbound.deny-private", defaultValue = "false")
    boolean denyPrivate;

    private OutboundRules rules;
    private GuardedResolver.Lookup lookup = InetAddress::getAllByName;
    private CloseableHttpClient client;

    /** For CDI; the rules come from the configuration. */
    protected OutboundHttp() {
    }

    /** Outside CDI (unit tests). */
    public OutboundHttp(OutboundRules rules) {
        this(rules, InetAddress::getAllByName);
    }

    OutboundHttp(OutboundRules rules, GuardedResolver.Lookup lookup) {
        this.rules = rules;
        this.lookup = lookup;
        this.client = client(rules, lookup, false);
    }

    @PostConstruct
    void start() {
        rules = new OutboundRules(allowLoopback, denyPrivate);
        client = client(rules, lookup, false);
    }

    @PreDestroy
    void stop() {
        close(client);
    }

    public OutboundRules rules() {
        return rules;
    }

    public OutboundResponse send(OutboundRequest request) throws OutboundException {
        return send(client, request);
    }

    /**
     * A short series of requests (one dynamic registration) whose host names are resolved once: a second request to
     * the same host reaches the address vetted for the first, whatever DNS answers meanwhile. Close it after use.
     */
    public Pinned pinned() {
        return new Pinned(client(rules, lookup, true));
    }

    /** See {@link #pinned()}. */
    public static final class Pinned implements AutoCloseable {

        private final CloseableHttpClient client;

        private Pinned(CloseableHttpClient client) {
            this.client = client;
        }

        public OutboundResponse send(OutboundRequest request) throws OutboundException {
            return OutboundHttp.send(client, request);
        }

        @Override
        public void close() {
            OutboundHttp.close(client);
        }
    }

    private static CloseableHttpClient client(OutboundRules rules, GuardedResolver.Lookup lookup, boolean pin) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedResolver(rules, lookup, pin))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(CONNECT_TIMEOUT)
                                .setTimeToLive(5, TimeUnit.MINUTES).build())
                        .setMaxConnTotal(100).setMaxConnPerRoute(20)
                        .build())
                .setRequestExecutor(new PeerCheckingExecutor(rules))
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .disableDefaultUserAgent()
                .build();
    }

    private static OutboundResponse send(CloseableHttpClient client, OutboundRequest request)
            throws OutboundException {
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), request.uri());
        request.headers().forEach(http::setHeader);
        if (request.body() != null) {
            http.setEntity(new ByteArrayEntity(request.body(), ContentType.parse(request.contentType())));
        }
        http.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(request.timeout()))
                .setConnectionRequestTimeout(Timeout.of(request.timeout())).build());
        // One deadline for the whole exchange: the response timeout bounds each read only, so a server that drips
        // its answer, or streams one without end, is cut off here (cancel closes the socket; nothing more is read).
        CompletableFuture<Void> deadline = CompletableFuture.runAsync(http::cancel, CompletableFuture.delayedExecutor(
                request.timeout().plus(CONNECT_TIMEOUT.toDuration()).toMillis(), TimeUnit.MILLISECONDS));
        try (CloseableHttpResponse response = client.execute(http, HttpClientContext.create())) {
            return read(response, request.maxAnswerBytes(), http);
        } catch (OutboundException e) {
            throw e;
        } catch (AddressRefusedException e) {
            throw new OutboundException(OutboundException.Reason.ADDRESS_REFUSED, e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new OutboundException(OutboundException.Reason.UNREACHABLE, request.method() + " "
                    + request.uri().getHost() + " : " + (http.isCancelled() ? "délai dépassé / deadline, " : "")
                    + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        } finally {
            deadline.cancel(false);
        }
    }

    private static OutboundResponse read(ClassicHttpResponse response, int maxBytes, HttpUriRequestBase request)
            throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(header.getValue());
        }
        HttpEntity entity = response.getEntity();
        String body = "";
        if (entity != null) {
            InputStream in = entity.getContent();
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                request.cancel(); // drop the connection: closing the stream would read the rest of the answer
                throw new OutboundException(OutboundException.Reason.ANSWER_TOO_LARGE,
                        "réponse de plus de " + maxBytes + " octets", null);
            }
            body = new String(bytes, charset(entity));
        }
        return new OutboundResponse(response.getCode(), headers, body);
    }

    private static Charset charset(HttpEntity entity) {
        try {
            ContentType type = ContentType.parseLenient(entity.getContentType());
            return type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        } catch (RuntimeException unknownCharset) {
            return StandardCharsets.UTF_8;
        }
    }

    private static void close(CloseableHttpClient client) {
        try {
            if (client != null) {
                client.close();
            }
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
