package fr.competences.http;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client a request comes from, as rate limits count it. Without {@code TRUSTED_PROXIES} it is the
 * peer of the connection, and {@code X-Forwarded-For} is ignored: anyone can write that header. Behind a reverse
 * proxy, list the proxy's addresses in {@code TRUSTED_PROXIES}: when the peer is one of them, the client is the
 * right-most address of {@code X-Forwarded-For} that is not a trusted proxy (the one the proxy itself appended, so
 * a client cannot choose it by sending the header). IPv6 clients count per /64 network, what one subscriber gets.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Logger LOG = Logger.getLogger(ClientAddress.class.getName());
    static final String FORWARDED_FOR = "X-Forwarded-For";

    @Inject
    @ConfigProperty(name = "trusted.proxies")
    Optional<String> trustedProxies;

    private Networks trusted = Networks.NONE;
    private final AtomicBoolean ignoredHeaderLogged = new AtomicBoolean();

    @PostConstruct
    void parseTrustedProxies() {
        trusted = Networks.parse(trustedProxies.orElse(""));
    }

    /** A key naming the client: its address, or its /64 network for IPv6. */
    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        Optional<IpAddress> connected = IpAddress.parse(peer);
        if (connected.isEmpty()) {
            return String.valueOf(peer);
        }
        if (!trusted.contains(connected.get())) {
            if (request.getHeader(FORWARDED_FOR) != null && ignoredHeaderLogged.compareAndSet(false, true)) {
                LOG.info(() -> "En-tête " + FORWARDED_FOR + " ignoré : la connexion vient de " + peer + ", qui n’est "
                        + "pas dans TRUSTED_PROXIES. Derrière un proxy inverse, listez son adresse dans TRUSTED_PROXIES, "
                        + "sinon tous les clients comptent comme un seul dans les limites de débit.");
            }
            return connected.get().clientKey();
        }
        IpAddress client = connected.get();
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<IpAddress> hop = IpAddress.parse(hops.get(i));
            if (hop.isEmpty()) {
                break; // not written by a proxy of ours: stop at the last address one of them vouched for
            }
            client = hop.get();
            if (!trusted.contains(client)) {
                break;
            }
        }
        return client.clientKey();
    }

    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        return hops;
    }
}
