package fr.competences.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The file types evidence may have, recognised from the bytes: PDF, PNG, JPEG, GIF, WebP, OpenDocument and Office
 * Open XML documents, ZIP archives, and plain UTF-8 text. Anything else (executables, HTML, SVG with scripts…)
 * is refused whatever its name says. Archives are judged by their table of contents ({@link ZipListing}), never
 * inflated. Each type has the extensions a file of that type may keep: the stored name ends with one of them
 * (see {@link EvidenceFileName}), so that a text named {@code .js}, {@code .bat} or {@code .hta}, or an archive
 * named {@code .docm} or {@code .jar}, never opens as one on the teacher's computer.
 */
public enum FileType {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    ODP("application/vnd.oasis.opendocument.presentation", "odp"),
    ODG("application/vnd.oasis.opendocument.graphics", "odg"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    ZIP("application/zip", "zip"),
    // Sources and notes a teacher opens in an editor; never what a double-click runs (js, py, sh, bat, ps1, vbs,
    // hta, html, svg, url...) nor csv, whose formulas a spreadsheet evaluates.
    TEXT("text/plain; charset=UTF-8", "txt", "md", "log", "java", "c", "h", "cpp", "cs", "php", "sql", "css", "json",
            "yml", "yaml", "ini");

    /** Before the document kinds were told apart, OpenDocument and Office files were stored with this type. */
    private static final String LEGACY_DOCUMENT = "application/octet-stream";

    private final String mediaType;
    private final List<String> extensions;

    FileType(String mediaType, String... extensions) {
        this.mediaType = mediaType;
        this.extensions = List.of(extensions);
    }

    public String mediaType() {
        return mediaType;
    }

    /** The extension a stored file of this type gets when its name has none of {@link #accepts its own}. */
    public String extension() {
        return extensions.get(0);
    }

    /** Whether a file of this type may keep this extension (any case). */
    public boolean accepts(String extension) {
        return extensions.contains(extension.toLowerCase(Locale.ROOT));
    }

    /** A ZIP container, whose declared inflated size must be checked. */
    public boolean isArchive() {
        return Set.of(ODT, ODS, ODP, ODG, DOCX, XLSX, PPTX, ZIP).contains(this);
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
            return ZipListing.of(content).map(FileType::container);
        }
        return text(content) ? Optional.of(TEXT) : Optional.empty();
    }

    /**
     * The type of a file stored with this media type; files stored as {@link #LEGACY_DOCUMENT} (storage name ending
     * in .odt or .docx) are the document of their family their name says, else its first.
     */
    static FileType ofStored(String mediaType, String storageName, String fileName) {
        for (FileType type : values()) {
            if (type.mediaType.equals(mediaType)) {
                return type;
            }
        }
        List<FileType> family = storageName != null && storageName.endsWith(".odt") ? List.of(ODT, ODS, ODP, ODG)
                : List.of(DOCX, XLSX, PPTX);
        String extension = fileName == null ? "" : fileName.substring(fileName.lastIndexOf('.') + 1);
        return family.stream().filter(type -> type.accepts(extension)).findFirst().orElse(family.get(0));
    }

    /** An OpenDocument (first entry "mimetype"), an Office document ([Content_Types].xml), or a plain archive. */
    private static FileType container(ZipListing zip) {
        Optional<String> mimetype = zip.storedMimetype();
        if (mimetype.isPresent()) {
            String kind = mimetype.get();
            for (FileType type : List.of(ODT, ODS, ODP, ODG)) {
                if (kind.equals(type.mediaType) || kind.startsWith(type.mediaType + "-")) {
                    return type;
                }
            }
            return ZIP;
        }
        if (zip.contains("[Content_Types].xml")) {
            return zip.hasEntryUnder("word/") ? DOCX : zip.hasEntryUnder("xl/") ? XLSX
                    : zip.hasEntryUnder("ppt/") ? PPTX : ZIP;
        }
        return ZIP;
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
        String start = decoded.stripLeading().toLowerCase(Locale.ROOT);
        return !control && !start.startsWith("<");
    }

    private static boolean starts(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(Arrays.copyOf(content, prefix.length), prefix);
    }
}
