package fr.competences.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers the tests start (the application, PostgreSQL). Taken below Linux's ephemeral range
 * (32768–60999): a port picked there can be handed to another listener (the test platform binds port 0) or to
 * a client socket while Payara boots for 20 s, and Payara, which binds with SO_REUSEADDR, then shares it
 * unseen — the test talks to the wrong server.
 */
final class Ports {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;

    private Ports() {
    }

    static int free() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST);
            if (bindable(port, null) && bindable(port, InetAddress.getLoopbackAddress())) {
                return port;
            }
        }
        throw new IllegalStateException("Aucun port libre entre " + FIRST + " et " + LAST);
    }

    private static boolean bindable(int port, InetAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
