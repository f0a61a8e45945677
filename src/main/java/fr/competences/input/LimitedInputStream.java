package fr.competences.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that may not exceed its limit: reading past it throws the 413 problem (unchecked, so that the
 * readers and endpoints between the stream and the client, which catch I/O errors, let it through to the mappers),
 * after dropping up to {@value #DISCARDED_BYTES} more bytes of it so that the client can finish sending and read
 * the answer.
 */
final class LimitedInputStream extends FilterInputStream {

    /** More than the largest body an endpoint accepts; past it the server closes the connection instead. */
    static final long DISCARDED_BYTES = 16 * 1024 * 1024;

    private final long limit;
    private long read;

    LimitedInputStream(InputStream body, long limit) {
        super(body);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
            count(1);
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
        if (count > 0) {
            count(count);
        }
        return count;
    }

    @Override
    public long skip(long count) throws IOException {
        long skipped = super.skip(Math.min(count, limit - read + 1));
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long bytes) {
        read += bytes;
        if (read > limit) {
            discard(in, DISCARDED_BYTES);
            throw BodyProblems.tooLarge(limit);
        }
    }

    /** Reads and drops at most {@code count} bytes of the body, until its end. */
    static void discard(InputStream body, long count) {
        byte[] buffer = new byte[64 * 1024];
        try {
            for (long left = count; left > 0; ) {
                int read = body.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    return;
                }
                left -= read;
            }
        } catch (IOException gone) {
            // the client stopped sending: nothing more to drop
        }
    }
}
