package fr.competences.evidence;

import fr.competences.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where evidence files live: {@code DATA_DIR/evidence}, each under the random name its row keeps. Other capabilities
 * (export, erasure) reach the files through here, never by building the path themselves.
 */
@ApplicationScoped
public class EvidenceFiles {

    @Inject
    Settings settings;

    @Inject
    EvidenceTrash trash;

    public Path directory() {
        return settings.dataDir().resolve(Evidences.DIRECTORY);
    }

    /** The stored file of a row's {@code storage_name}. */
    public Path path(String storageName) {
        Path file = directory().resolve(storageName).normalize();
        if (!file.getParent().equals(directory().normalize())) {
            throw new IllegalArgumentException("Nom de fichier de preuve invalide : " + storageName);
        }
        return file;
    }

    /**
     * Sends the file of rows whose removal has committed to the trash ({@link EvidenceTrash}: deleted for good
     * within the hour; a backup running meanwhile still finds it); a failure is thrown, for the caller to report.
     */
    public void discard(String storageName) throws IOException {
        path(storageName); // refuses a name that would leave the directory
        trash.discardNow(storageName);
    }
}
