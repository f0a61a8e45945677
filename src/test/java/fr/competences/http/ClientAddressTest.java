package fr.competences.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who the client is, directly connected or behind a reverse proxy, and what a client cannot make the tool believe. */
class ClientAddressTest {

    @Test
    void withoutTrustedProxiesTheConnectionsPeerIsTheClientWhateverHeaderItSends() {
        ClientAddress address = trusting("");

        assertThat(address.of(request("198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(address.of(request("198.51.100.7", "203.0.113.9"))).isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxyTheClientIsTheAddressTheProxyAppended() {
        ClientAddress address = trusting("127.0.0.1, 10.0.0.0/8");

        assertThat(address.of(request("127.0.0.1", "203.0.113.9"))).isEqualTo("203.0.113.9");
        // a client-written header is to the left of what the proxy appends: it changes nothing
        assertThat(address.of(request("127.0.0.1", "1.2.3.4, 203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(address.of(request("127.0.0.1", "1.2.3.4", "203.0.113.9"))).isEqualTo("203.0.113.9");
        // two proxies of ours: the first untrusted address from the right
        assertThat(address.of(request("127.0.0.1", "203.0.113.9, 10.1.2.3"))).isEqualTo("203.0.113.9");
        // nothing but proxies of ours: the farthest of them
        assertThat(address.of(request("127.0.0.1", "10.1.2.3"))).isEqualTo("10.1.2.3");
        // no header: the proxy itself
        assertThat(address.of(request("127.0.0.1"))).isEqualTo("127.0.0.1");
        // garbage is not an address a proxy of ours wrote: stop before it
        assertThat(address.of(request("127.0.0.1", "evil, 10.1.2.3"))).isEqualTo("10.1.2.3");
        assertThat(address.of(request("127.0.0.1", "203.0.113.9:51234"))).isEqualTo("203.0.113.9");
    }

    @Test
    void anIpv6ClientCountsPerSlash64() {
        ClientAddress address = trusting("::1");

        assertThat(address.of(request("2001:db8:1:2::99"))).isEqualTo(address.of(request("2001:db8:1:2:ffff::1")))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(address.of(request("0:0:0:0:0:0:0:1", "[2001:db8:9:9::5]:443"))).isEqualTo("2001:db8:9:9:0:0:0:0/64");
    }

    @Test
    void anUnreadableTrustedProxyStopsTheStartRatherThanBeingIgnored() {
        assertThatThrownBy(() -> trusting("127.0.0.1, proxy.lycee.fr")).hasMessageContaining("proxy.lycee.fr");
        assertThatThrownBy(() -> trusting("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
    }

    private static ClientAddress trusting(String proxies) {
        ClientAddress address = new ClientAddress();
        address.trustedProxies = Optional.of(proxies);
        address.parseTrustedProxies();
        return address;
    }

    private static HttpServletRequest request(String peer, String... forwardedFor) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeader" -> forwardedFor.length == 0 ? null : forwardedFor[0];
                    case "getHeaders" -> Collections.enumeration(List.of(forwardedFor));
                    default -> null;
                });
    }
}
