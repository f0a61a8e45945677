package fr.competences.config;

import java.io.IOException;
import java.net.InetAddress;
import java.util.UUID;

/**
 * This process's name in the leases instances take on shared work ({@code host:port/pid-random}). Its first part,
 * the {@linkplain #node() node}, is what a restart keeps: only one process at a time serves a host's port, so a
 * lease held under the same node was left by a run that died, and is taken back at once instead of waiting for it to
 * expire. Were a second process started by mistake on a port in use, the worst would be a score sent twice, which
 * the platform refuses as not newer (409).
 */
public record InstanceName(String node, String id) {

    /** Lease owner columns hold 100 characters: a very long host name is cut, never the part that tells runs apart. */
    private static final int HOST_MAX = 60;

    public static InstanceName of(String host, int port) {
        String node = (host.length() > HOST_MAX ? host.substring(0, HOST_MAX) : host) + ":" + port;
        return new InstanceName(node, node + "/" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8));
    }

    /** This process: the local host name and the port it listens on ({@code PORT}, 8080 by default). */
    public static InstanceName current() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        String port = System.getProperty("PORT", System.getenv("PORT"));
        return of(host, port == null || port.isBlank() ? 8080 : Integer.parseInt(port.trim()));
    }

    /** The pattern (SQL {@code like}, escaped with {@code \}) of the leases a previous run of this node left. */
    public String previousRunsPattern() {
        return node.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
    }

    @Override
    public String toString() {
        return id;
    }
}
