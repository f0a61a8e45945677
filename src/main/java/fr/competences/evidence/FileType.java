package fr.competences.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The file types evidence may have, recognised from the bytes: PDF, PNG, JPEG, GIF, WebP, OpenDocument and Office
 * Open XML documents, ZIP archives, and plain UTF-8 text. Anything else (executables, HTML, SVG with scripts…)
 * is refused whatever its name says.
 */
public enum FileType {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp"),
    // Office documents: text, sheet or slides alike; downloads keep the student's file name (and extension)
    OPEN_DOCUMENT("application/octet-stream", "odt"),
    OFFICE_OPEN_XML("application/octet-stream", "docx"),
    ZIP("application/zip", "zip"),
    TEXT("text/plain; charset=UTF-8", "txt");

    private final String mediaType;
    private final String extension;

    FileType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The type of these bytes (a whole file), if it is one evidence may have. */
    public static Optional<FileType> of(byte[] content) {
        if (starts(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (starts(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of(PNG);
        }
        if (starts(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (starts(content, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                || starts(content, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(GIF);
        }
        if (starts(content, "RIFF".getBytes(StandardCharsets.US_ASCII)) && content.length > 12
                && Arrays.equals(Arrays.copyOfRange(content, 8, 12), "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(WEBP);
        }
        if (starts(content, new byte[] {'P', 'K', 3, 4})) {
            return zip(content);
        }
        return text(content) ? Optional.of(TEXT) : Optional.empty();
    }

    /** A ZIP container: an OpenDocument (first entry "mimetype"), an Office document, or a plain archive. */
    private static Optional<FileType> zip(byte[] content) {
        Set<String> names = new HashSet<>();
        String first = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                first = first == null ? entry.getName() : first;
                names.add(entry.getName());
            }
        } catch (IOException | IllegalArgumentException corrupt) {
            return Optional.empty();
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        if ("mimetype".equals(first)) {
            return Optional.of(OPEN_DOCUMENT);
        }
        return Optional.of(names.contains("[Content_Types].xml") ? OFFICE_OPEN_XML : ZIP);
    }

    /** Valid UTF-8 without control characters other than tab and line breaks, and not markup a browser runs. */
    private static boolean text(byte[] content) {
        if (content.length == 0) {
            return false;
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException binary) {
            return false;
        }
        boolean control = decoded.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');
        String start = decoded.stripLeading().toLowerCase(java.util.Locale.ROOT);
        return !control && !start.startsWith("<");
    }

    private static boolean starts(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(Arrays.copyOf(content, prefix.length), prefix);
    }
}
