package fr.competences.config;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The H2 database of {@code DATA_DIR} and the setting that makes its commits durable. H2's default write delay
 * (500 ms) leaves a committed transaction in memory for up to half a second: a process killed then lost saves it had
 * acknowledged (issue 14). With {@code WRITE_DELAY=0}, H2 2.3 stores each transaction's changes in the file before
 * the commit returns (MVStore commit at transaction end, on the committing thread). It does not ask the disk to
 * flush its cache (no fsync): a commit survives the process being killed, not a power cut or a kernel crash.
 */
public final class H2Files {

    static final String NO_WRITE_DELAY = "WRITE_DELAY=0";

    private H2Files() {
    }

    /** The file database in {@code dataDir}; AUTO_SERVER off: one application owns it. */
    public static String url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("competences") + ";DB_CLOSE_ON_EXIT=FALSE;" + NO_WRITE_DELAY;
    }

    /** An H2 URL given in {@code DB_URL}: made durable unless it sets a write delay itself. */
    public static String durable(String h2Url) {
        return h2Url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY=") ? h2Url : h2Url + ";" + NO_WRITE_DELAY;
    }
}
