package fr.competences.lti.outbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves platform host names for Apache HttpClient, which then connects to exactly the addresses returned here:
 * a name is refused when any of its addresses is refused by the rules (an answer that mixes a public address with a
 * loopback one is an attack, not a platform). With {@code pinned}, each name is resolved once and its addresses
 * reused, so that the requests of one dynamic registration all reach the address vetted for the first one (no DNS
 * rebinding between reading the configuration and posting the registration).
 */
final class GuardedResolver implements DnsResolver {

    /** The system's resolver; a test replaces it to map names without DNS. */
    interface Lookup {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    private final OutboundRules rules;
    private final Lookup lookup;
    private final Map<String, InetAddress[]> pinned;

    GuardedResolver(OutboundRules rules, Lookup lookup, boolean pin) {
        this.rules = rules;
        this.lookup = lookup;
        this.pinned = pin ? new ConcurrentHashMap<>() : null;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] known = pinned == null ? null : pinned.get(host);
        if (known != null) {
            return known.clone();
        }
        InetAddress[] addresses = lookup.addresses(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            var refusal = rules.refusal(address);
            if (refusal.isPresent()) {
                throw new AddressRefusedException(host, address, refusal.get());
            }
        }
        if (pinned != null) {
            pinned.putIfAbsent(host, addresses.clone());
            return pinned.get(host).clone();
        }
        return addresses;
    }

    /** Overridden so that no path of HttpClient gets an address that was not vetted here. */
    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
    }

    /** No reverse lookup: the name is what the certificate is checked against. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
