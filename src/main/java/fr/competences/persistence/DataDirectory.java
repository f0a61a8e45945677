package fr.competences.persistence;

import fr.competences.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * {@code DATA_DIR}, owner-only ({@link OwnerOnly}) before anything is written in it: the H2 database, the evidence
 * files. Runs before the migrations open the database; {@link #tighten()} runs again after them, for the database
 * files H2 has just created (with the process's umask) on a first start.
 */
@Startup
@Singleton
public class DataDirectory {

    private static final Logger LOG = Logger.getLogger(DataDirectory.class.getName());

    @Inject
    Settings settings;

    @PostConstruct
    void prepare() {
        OwnerOnly.directory(settings.dataDir());
        tighten();
    }

    /** Owner-only rights on everything already in the directory. */
    public void tighten() {
        int changed = OwnerOnly.tighten(settings.dataDir());
        if (changed > 0) {
            LOG.info(() -> "Droits réservés au propriétaire (0600/0700) posés sur " + changed + " fichier(s) de "
                    + settings.dataDir());
        }
    }
}
