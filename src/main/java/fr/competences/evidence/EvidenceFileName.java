package fr.competences.evidence;

import java.util.Optional;

/**
 * The name an evidence file is stored and downloaded under. From what the student's browser sent: the last path
 * segment, without control, bidirectional or other invisible characters (a right-to-left override turns
 * {@code photo‮gpj.exe} into what reads "photoexe.jpg"), without characters Windows forbids, trimmed of dots and
 * spaces; then ending with an extension its detected {@link FileType} accepts, appended when the student's is
 * another ({@code tp.js} holding text is stored as {@code tp.js.txt}).
 */
final class EvidenceFileName {

    static final int MAX_LENGTH = 255;
    private static final String FORBIDDEN = "<>:\"|?*";

    private EvidenceFileName() {
    }

    /** The visible name, or empty when nothing of a name is left. */
    static Optional<String> clean(String sent) {
        if (sent == null) {
            return Optional.empty();
        }
        String last = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
        StringBuilder visible = new StringBuilder();
        last.codePoints().filter(EvidenceFileName::shown)
                .forEach(c -> visible.appendCodePoint(FORBIDDEN.indexOf(c) >= 0 ? '_' : Character.isWhitespace(c) ? ' ' : c));
        String name = visible.toString().replaceAll("^[. ]+|[. ]+$", "");
        return name.isEmpty() ? Optional.empty() : Optional.of(truncate(name, MAX_LENGTH));
    }

    /** The clean name ending with an extension of the type, within {@value #MAX_LENGTH} characters. */
    static String forType(String clean, FileType type) {
        int dot = clean.lastIndexOf('.');
        if (dot > 0 && type.accepts(clean.substring(dot + 1))) {
            return clean;
        }
        String suffix = "." + type.extension();
        return truncate(clean, MAX_LENGTH - suffix.length()) + suffix;
    }

    /** Neither a control, format (bidirectional marks and overrides, zero-width) nor separator character. */
    private static boolean shown(int codePoint) {
        int type = Character.getType(codePoint);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && type != Character.UNASSIGNED;
    }

    private static String truncate(String name, int length) {
        return name.length() <= length ? name
                : name.substring(0, Character.isHighSurrogate(name.charAt(length - 1)) ? length - 1 : length);
    }
}
