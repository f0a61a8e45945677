package fr.competences.lti.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** Address classes from literals only: no lookup, no traffic. */
class OutboundRulesTest {

    @Test
    void classifiesAddresses() throws UnknownHostException {
        assertKind(AddressKind.LOOPBACK, "127.0.0.1", "127.1.2.3", "::1", "0.0.0.0", "::", "0.1.2.3",
                "::ffff:127.0.0.1", "::127.0.0.1", "64:ff9b::7f00:1");
        assertKind(AddressKind.LINK_LOCAL, "169.254.1.1", "fe80::1", "fe80::abcd:1234");
        assertKind(AddressKind.CLOUD_METADATA, "169.254.169.254", "169.254.170.2", "fd00:ec2::254",
                "100.100.100.200", "168.63.129.16", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe");
        assertKind(AddressKind.NOT_UNICAST, "224.0.0.1", "255.255.255.255", "ff02::1");
        assertKind(AddressKind.PRIVATE, "10.0.0.5", "172.16.0.1", "172.31.255.255", "192.168.1.10", "100.64.0.1",
                "100.127.255.255", "fd12:3456::1", "fc00::1", "fec0::1");
        assertKind(AddressKind.PUBLIC, "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:db8::1", "193.51.24.1");
    }

    @Test
    void byDefaultOnlyLoopbackLinkLocalMetadataAndMulticastAreRefused() throws UnknownHostException {
        OutboundRules rules = OutboundRules.DEFAULT;

        assertThat(rules.refusal(ip("127.0.0.1"))).contains(AddressKind.LOOPBACK);
        assertThat(rules.refusal(ip("169.254.169.254"))).contains(AddressKind.CLOUD_METADATA);
        assertThat(rules.refusal(ip("fe80::1"))).contains(AddressKind.LINK_LOCAL);
        assertThat(rules.refusal(ip("224.0.0.1"))).contains(AddressKind.NOT_UNICAST);
        assertThat(rules.refusal(ip("192.168.1.10"))).as("school LMSs live on private ranges").isEmpty();
        assertThat(rules.refusal(ip("8.8.8.8"))).isEmpty();
    }

    @Test
    void allowingLoopbackAllowsNothingElse() throws UnknownHostException {
        OutboundRules rules = new OutboundRules(true, false);

        assertThat(rules.refusal(ip("127.0.0.1"))).isEmpty();
        assertThat(rules.refusal(ip("::1"))).isEmpty();
        assertThat(rules.refusal(ip("169.254.169.254"))).contains(AddressKind.CLOUD_METADATA);
        assertThat(rules.refusal(ip("169.254.1.1"))).contains(AddressKind.LINK_LOCAL);
    }

    @Test
    void denyingPrivateRangesRefusesThemToo() throws UnknownHostException {
        OutboundRules rules = new OutboundRules(false, true);

        assertThat(rules.refusal(ip("10.1.2.3"))).contains(AddressKind.PRIVATE);
        assertThat(rules.refusal(ip("fd12::1"))).contains(AddressKind.PRIVATE);
        assertThat(rules.refusal(ip("8.8.8.8"))).isEmpty();
    }

    private static void assertKind(AddressKind kind, String... literals) throws UnknownHostException {
        for (String literal : literals) {
            assertThat(AddressKind.of(ip(literal))).as(literal).isEqualTo(kind);
        }
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
