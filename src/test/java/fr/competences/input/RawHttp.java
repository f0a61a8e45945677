package fr.competences.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a bare socket, for requests the JDK's client will not send: a POST without Content-Length, or a
 * body of hundreds of megabytes generated while it is sent (never held in memory) and stopped as soon as the server
 * has answered.
 */
final class RawHttp {

    /** The server's answer; {@code bodySent}: how many bytes of the request body went out before it. */
    record Answer(int status, Map<String, String> headers, String body, long bodySent) {
    }

    private RawHttp() {
    }

    /** Sends the head (request line and headers, without the blank line) and no body. */
    static Answer send(int port, String head) {
        return send(port, head, 0, false);
    }

    /**
     * Sends the head, then {@code bodyLength} bytes of 'a' (chunked when {@code chunked}), while reading the answer
     * in parallel: sending stops when the answer is complete or the server closes the connection.
     */
    static Answer send(int port, String head, long bodyLength, boolean chunked) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            AtomicLong sent = new AtomicLong();
            Thread sender = new Thread(() -> sendBody(out, bodyLength, chunked, sent), "corps-de-requete");
            sender.setDaemon(true);
            sender.start();
            Answer answer = read(socket.getInputStream(), sent);
            sender.interrupt();
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sendBody(OutputStream out, long length, boolean chunked, AtomicLong sent) {
        byte[] block = new byte[64 * 1024];
        java.util.Arrays.fill(block, (byte) 'a');
        try {
            while (sent.get() < length && !Thread.currentThread().isInterrupted()) {
                int size = (int) Math.min(block.length, length - sent.get());
                if (chunked) {
                    out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write(block, 0, size);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                sent.addAndGet(size);
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException closedByServer) {
            // the server answered and closed: what it said is read by the other thread
        }
    }

    private static Answer read(InputStream in, AtomicLong sent) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        long bodySent = sent.get();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0;
                    size = Integer.parseInt(line(in).strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8), bodySent);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connexion fermée au milieu de la réponse");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
