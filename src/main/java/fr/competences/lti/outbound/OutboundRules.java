package fr.competences.lti.outbound;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses the tool may connect to when it calls a platform. Loopback ({@code LTI_OUTBOUND_ALLOW_LOOPBACK},
 * for development and tests), private ranges (allowed: school LMSs live on them, unless
 * {@code LTI_OUTBOUND_DENY_PRIVATE}); link-local, cloud metadata and multicast addresses never.
 */
public record OutboundRules(boolean allowLoopback, boolean denyPrivate) {

    /** The defaults: no loopback, private ranges allowed. */
    public static final OutboundRules DEFAULT = new OutboundRules(false, false);

    /** What is wrong with this address, or empty when the tool may connect to it. */
    public Optional<AddressKind> refusal(InetAddress address) {
        AddressKind kind = AddressKind.of(address);
        boolean allowed = switch (kind) {
            case PUBLIC -> true;
            case PRIVATE -> !denyPrivate;
            case LOOPBACK -> allowLoopback;
            case LINK_LOCAL, CLOUD_METADATA, NOT_UNICAST -> false;
        };
        return allowed ? Optional.empty() : Optional.of(kind);
    }
}
