package fr.competences.evidence;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table of contents of a ZIP archive (OpenDocument and Office files are ZIP archives too), read from its
 * central directory: entry names and the sizes they declare, without inflating a byte. A 9 MB archive that inflates
 * to 9 GiB is listed in microseconds; what its entries declare is how it is judged.
 */
final class ZipListing {

    /** More entries than any document or hand-in holds; a ZIP64 directory (65,535 entries or more) is refused too. */
    static final int MAX_ENTRIES = 10_000;
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final int LOCAL_HEADER = 0x04034b50;
    private static final long ZIP64_SIZE = 0xFFFFFFFFL;

    private final List<String> names;
    private final long declaredSize;
    private final String firstName;
    private final String storedMimetype;

    private ZipListing(List<String> names, long declaredSize, String firstName, String storedMimetype) {
        this.names = names;
        this.declaredSize = declaredSize;
        this.firstName = firstName;
        this.storedMimetype = storedMimetype;
    }

    /** The listing of these bytes, or empty when they are not a readable ZIP archive with at least one entry. */
    static Optional<ZipListing> of(byte[] zip) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
            int end = endOfDirectory(bytes);
            int count = Short.toUnsignedInt(bytes.getShort(end + 10));
            long offset = Integer.toUnsignedLong(bytes.getInt(end + 16));
            if (count == 0 || count > MAX_ENTRIES || offset >= end) {
                return Optional.empty();
            }
            List<String> names = new ArrayList<>(count);
            long declared = 0;
            int position = (int) offset;
            for (int i = 0; i < count; i++) {
                if (bytes.getInt(position) != DIRECTORY_ENTRY) {
                    return Optional.empty();
                }
                long size = Integer.toUnsignedLong(bytes.getInt(position + 24));
                int nameLength = Short.toUnsignedInt(bytes.getShort(position + 28));
                int extraLength = Short.toUnsignedInt(bytes.getShort(position + 30));
                int commentLength = Short.toUnsignedInt(bytes.getShort(position + 32));
                names.add(new String(zip, position + 46, nameLength, StandardCharsets.UTF_8));
                // a ZIP64 entry (4 GiB or more) is counted as its 32-bit marker: over any limit already
                declared = Math.addExact(declared, size == ZIP64_SIZE ? ZIP64_SIZE + 1 : size);
                position = Math.addExact(position, 46 + nameLength + extraLength + commentLength);
            }
            return Optional.of(new ZipListing(List.copyOf(names), declared, firstLocalName(bytes, zip),
                    storedMimetype(bytes, zip)));
        } catch (IndexOutOfBoundsException | ArithmeticException corrupt) {
            return Optional.empty();
        }
    }

    List<String> names() {
        return names;
    }

    /** What the entries say they inflate to, in total. */
    long declaredSize() {
        return declaredSize;
    }

    boolean contains(String name) {
        return names.contains(name);
    }

    boolean hasEntryUnder(String folder) {
        return names.stream().anyMatch(name -> name.startsWith(folder));
    }

    /** The name of the entry at the start of the file (OpenDocument puts "mimetype" there). */
    Optional<String> firstName() {
        return Optional.ofNullable(firstName);
    }

    /** The content of a first entry "mimetype" stored uncompressed, as OpenDocument requires. */
    Optional<String> storedMimetype() {
        return Optional.ofNullable(storedMimetype);
    }

    /** The end of central directory record: the last 22+ bytes, before an archive comment of up to 64 KiB. */
    private static int endOfDirectory(ByteBuffer bytes) {
        for (int position = bytes.limit() - 22; position >= Math.max(0, bytes.limit() - 22 - 65_535); position--) {
            if (bytes.getInt(position) == END_OF_DIRECTORY) {
                return position;
            }
        }
        throw new IndexOutOfBoundsException("no end of central directory");
    }

    private static String firstLocalName(ByteBuffer bytes, byte[] zip) {
        if (bytes.getInt(0) != LOCAL_HEADER) {
            return null;
        }
        return new String(zip, 30, Short.toUnsignedInt(bytes.getShort(26)), StandardCharsets.UTF_8);
    }

    private static String storedMimetype(ByteBuffer bytes, byte[] zip) {
        if (!"mimetype".equals(firstLocalName(bytes, zip)) || bytes.getShort(8) != 0) {
            return null;
        }
        int length = bytes.getInt(18);
        int start = 30 + Short.toUnsignedInt(bytes.getShort(26)) + Short.toUnsignedInt(bytes.getShort(28));
        if (length < 0 || length > 200) {
            return null;
        }
        return new String(zip, start, length, StandardCharsets.US_ASCII).strip();
    }
}
