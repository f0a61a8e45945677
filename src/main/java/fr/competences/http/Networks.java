package fr.competences.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A list of IP networks, {@code 127.0.0.1, 10.0.0.0/8, ::1, fd00::/8}, as {@code TRUSTED_PROXIES} gives them. */
record Networks(List<Network> networks) {

    static final Networks NONE = new Networks(List.of());

    record Network(IpAddress base, int prefix) {

        boolean contains(IpAddress address) {
            byte[] a = base.bytes();
            byte[] b = address.bytes();
            if (a.length != b.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; i < a.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                if ((a[i] & mask) != (b[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Refuses, rather than ignores, what it cannot read: a typo would otherwise leave the proxy untrusted unseen. */
    static Networks parse(String list) {
        List<Network> networks = new ArrayList<>();
        for (String entry : list.split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            int slash = text.indexOf('/');
            Optional<IpAddress> base = IpAddress.parse(slash < 0 ? text : text.substring(0, slash));
            int bits = base.map(a -> a.bytes().length * 8).orElse(0);
            int prefix = slash < 0 ? bits : parsePrefix(text.substring(slash + 1));
            if (base.isEmpty() || prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("TRUSTED_PROXIES : adresse ou réseau illisible « " + text
                        + " » (exemples : 127.0.0.1, 10.0.0.0/8, ::1)");
            }
            networks.add(new Network(base.get(), prefix));
        }
        return new Networks(List.copyOf(networks));
    }

    private static int parsePrefix(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    boolean contains(IpAddress address) {
        return networks.stream().anyMatch(network -> network.contains(address));
    }
}
