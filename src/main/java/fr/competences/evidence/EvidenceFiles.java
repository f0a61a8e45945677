package fr.competences.evidence;

import fr.competences.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where evidence files live: {@code DATA_DIR/evidence}, each under the random name its row keeps. Other capabilities
 * (export, erasure) reach the files through here, never by building the path themselves.
 */
@ApplicationScoped
public class EvidenceFiles {

    @Inject
    Settings settings;

    public Path directory() {
        return settings.dataDir().resolve("evidence");
    }

    /** The stored file of a row's {@code storage_name}. */
    public Path path(String storageName) {
        Path file = directory().resolve(storageName).normalize();
        if (!file.getParent().equals(directory().normalize())) {
            throw new IllegalArgumentException("Nom de fichier de preuve invalide : " + storageName);
        }
        return file;
    }

    /** Removes a stored file; one already gone is no failure. */
    public void remove(String storageName) throws IOException {
        Files.deleteIfExists(path(storageName));
    }
}
