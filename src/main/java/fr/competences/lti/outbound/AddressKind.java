package fr.competences.lti.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;

/** What an IP address is, as far as the tool's outbound requests care. */
public enum AddressKind {
    /** The tool's own machine: 127.0.0.0/8, ::1, and 0.0.0.0/8 or :: (connecting there reaches this host). */
    LOOPBACK("bouclage", "loopback"),
    /** 169.254.0.0/16, fe80::/10: the local link only, where clouds serve instance metadata. */
    LINK_LOCAL("lien local", "link-local"),
    /** The addresses of cloud instance metadata services (credentials of the machine the tool runs on). */
    CLOUD_METADATA("métadonnées du cloud", "cloud metadata"),
    /** Multicast and broadcast: never one server. */
    NOT_UNICAST("multidiffusion", "multicast"),
    /** 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT), fc00::/7 and fec0::/10: school networks. */
    PRIVATE("plage privée", "private"),
    PUBLIC("publique", "public");

    /**
     * AWS, GCP, Azure, OCI, OpenStack, DigitalOcean: 169.254.169.254 (also IPv6 fd00:ec2::254 on AWS); AWS ECS task
     * metadata 169.254.170.2; Alibaba Cloud 100.100.100.200; Azure's WireServer 168.63.129.16 (a public address).
     */
    private static final Set<InetAddress> CLOUD_METADATA_ADDRESSES = Set.of(
            literal("169.254.169.254"), literal("169.254.170.2"), literal("fd00:ec2::254"),
            literal("100.100.100.200"), literal("168.63.129.16"));

    public final String french;
    public final String english;

    AddressKind(String french, String english) {
        this.french = french;
        this.english = english;
    }

    public static AddressKind of(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return LOOPBACK;
        }
        // An IPv6 address that carries an IPv4 one (::a.b.c.d, NAT64 64:ff9b::a.b.c.d) is judged by the IPv4 one.
        InetAddress judged = embeddedIpv4(address).orElse(address);
        if (CLOUD_METADATA_ADDRESSES.contains(judged)) {
            return CLOUD_METADATA;
        }
        if (judged.isLoopbackAddress() || judged.isAnyLocalAddress() || firstByte(judged) == 0) {
            return LOOPBACK;
        }
        if (judged.isLinkLocalAddress()) {
            return LINK_LOCAL;
        }
        if (judged.isMulticastAddress() || isBroadcast(judged)) {
            return NOT_UNICAST;
        }
        if (judged.isSiteLocalAddress() || isCarrierGradeNat(judged) || isUniqueLocal(judged)) {
            return PRIVATE;
        }
        return PUBLIC;
    }

    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address v6)) {
            return Optional.empty();
        }
        byte[] bytes = v6.getAddress();
        boolean nat64 = bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b
                && allZero(bytes, 4, 12);
        if (!v6.isIPv4CompatibleAddress() && !nat64) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
        } catch (UnknownHostException impossible) {
            return Optional.empty();
        }
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int firstByte(InetAddress address) {
        return address instanceof Inet4Address ? address.getAddress()[0] & 0xff : -1;
    }

    private static boolean isBroadcast(InetAddress address) {
        return address instanceof Inet4Address && allOnes(address.getAddress());
    }

    private static boolean allOnes(byte[] bytes) {
        for (byte b : bytes) {
            if (b != (byte) 0xff) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCarrierGradeNat(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }

    private static boolean isUniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    private static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }
}
