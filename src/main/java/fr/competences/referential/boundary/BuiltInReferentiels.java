package fr.competences.referential.boundary;

import fr.competences.referential.ReferentielTree;
import fr.competences.referential.Referentiels;
import fr.competences.referential.exchange.BtsSioJsonFormat;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads the référentiels shipped with the application at first start. Idempotent: a référentiel whose
 * code is already stored is left as it is, so restarts never duplicate nor overwrite it.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class BuiltInReferentiels {

    public static final String BTS_SIO_SLAM = "bts-sio-2019-slam";
    private static final String BTS_SIO_SLAM_TITLE = "BTS SIO 2019 — option SLAM";
    private static final Logger LOG = Logger.getLogger(BuiltInReferentiels.class.getName());

    @Inject
    Referentiels referentiels;

    @PostConstruct
    void load() {
        if (referentiels.exists(BTS_SIO_SLAM)) {
            LOG.fine(() -> "Référentiel intégré déjà présent : " + BTS_SIO_SLAM);
            return;
        }
        try {
            referentiels.importTree(btsSioSlam());
        } catch (RuntimeException e) {
            // Another instance sharing the database may have loaded it at the same moment.
            if (!referentiels.exists(BTS_SIO_SLAM)) {
                throw e;
            }
            LOG.log(Level.INFO, "Référentiel intégré chargé par une autre instance : {0}", BTS_SIO_SLAM);
        }
    }

    public static ReferentielTree btsSioSlam() {
        try (InputStream json = BuiltInReferentiels.class.getResourceAsStream("/referentiels/" + BTS_SIO_SLAM + ".json")) {
            return BtsSioJsonFormat.read(json, BTS_SIO_SLAM, BTS_SIO_SLAM_TITLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
