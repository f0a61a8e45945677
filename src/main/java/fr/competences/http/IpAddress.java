package fr.competences.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IP address written literally (never a host name: nothing is looked up), as peers and proxies report them. */
record IpAddress(byte[] bytes) {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");

    /** {@code 192.0.2.1}, {@code 192.0.2.1:5678}, {@code 2001:db8::1}, {@code [2001:db8::1]:443}; empty otherwise. */
    static Optional<IpAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        if (literal.startsWith("[") && literal.indexOf(']') > 0) {
            literal = literal.substring(1, literal.indexOf(']'));
        } else if (IPV4_WITH_PORT.matcher(literal).matches()) {
            literal = literal.substring(0, literal.indexOf(':'));
        }
        if (!LITERAL.matcher(literal).matches() || !(literal.contains(".") || literal.contains(":"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IpAddress(InetAddress.getByName(literal).getAddress()));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    boolean isIpv6() {
        return bytes.length == 16;
    }

    /** The address itself for IPv4, its /64 network for IPv6 (one subscriber's, who can use any of it). */
    String clientKey() {
        if (!isIpv6()) {
            return text(bytes);
        }
        return text(Arrays.copyOf(Arrays.copyOf(bytes, 8), 16)) + "/64";
    }

    private static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpAddress address && Arrays.equals(bytes, address.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return text(bytes);
    }
}
