package fr.competences.input;

import fr.competences.errors.ProblemException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that may not exceed its limit: reading past it throws the 413 problem (unchecked, so that the
 * readers and endpoints between the stream and the client, which catch I/O errors, let it through to the mappers).
 */
final class LimitedInputStream extends FilterInputStream {

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
            throw tooLarge();
        }
    }

    private ProblemException tooLarge() {
        return BodyProblems.tooLarge(limit);
    }
}
