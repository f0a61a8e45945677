package fr.competences.referential;

/** The BTS SIO option an item belongs to; {@link #COMMON} for both options. */
public enum ItemOption {
    COMMON, SLAM, SISR;

    /** Reads the free-text option labels found in source files ("commun", "SLAM (option B)"...). */
    public static ItemOption parse(String label) {
        if (label == null || label.isBlank()) {
            return COMMON;
        }
        String normalized = label.trim().toUpperCase(java.util.Locale.ROOT);
        if (normalized.startsWith("COMMON") || normalized.startsWith("COMMUN")) {
            return COMMON;
        }
        if (normalized.startsWith("SLAM")) {
            return SLAM;
        }
        if (normalized.startsWith("SISR")) {
            return SISR;
        }
        throw new IllegalArgumentException(label);
    }
}
