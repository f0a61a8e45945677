package fr.competences.privacy;

import fr.competences.errors.LocalizedText;
import fr.competences.evidence.EvidenceFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The right to erasure (RGPD art. 17) as the administrator exercises it for one user of one platform: the database
 * in one transaction ({@link Erasure}), then the evidence files (to the trash, deleted for good within the hour); a
 * file that cannot be removed is named in the answer and the log, never skipped in silence. Grades already in the platform's gradebook are the platform's.
 */
@ApplicationScoped
public class Erasures {

    private static final Logger LOG = Logger.getLogger(Erasures.class.getName());

    static final LocalizedText GRADEBOOK_NOTICE = LocalizedText.of(
            "Les notes et commentaires déjà transmis au carnet de notes de la plateforme (Moodle) n’ont pas été "
                    + "modifiés : ils appartiennent à la plateforme, qui les efface selon ses propres règles (dans "
                    + "Moodle : la suppression ou la demande d’effacement de l’utilisateur). Les notes en attente "
                    + "d’envoi ont été annulées.",
            "Grades and feedback already sent to the platform's gradebook (Moodle) were not changed: they belong to "
                    + "the platform, which erases them under its own rules (in Moodle: deleting the user or a data "
                    + "deletion request). Grades waiting to be sent were cancelled.");

    /** What an erasure did, as the admin API answers it. */
    public record Report(long userId, Map<String, Integer> erased, int historyEntriesPseudonymised, String user,
            List<FileNotRemoved> filesNotRemoved, boolean complete, String gradebook) {
    }

    /** An evidence file whose removal failed: its row is gone, the file must be removed by hand. */
    public record FileNotRemoved(long evidenceId, String path, String reason) {
    }

    @Inject
    Erasure erasure;

    @Inject
    EvidenceFiles files;

    Report eraseUser(long platformId, long userId, Locale locale) {
        Erasure.UserErased done = erasure.eraseUser(platformId, userId);
        List<FileNotRemoved> failures = removeFiles(done.files());
        LOG.info(() -> "Effacement de l'utilisateur " + userId + " : " + done.erased() + ", historique pseudonymisé : "
                + done.historyPseudonymised() + ", utilisateur " + done.user()
                + (failures.isEmpty() ? "" : ", " + failures.size() + " fichier(s) NON supprimé(s)"));
        return new Report(userId, done.erased(), done.historyPseudonymised(), done.user(), failures,
                failures.isEmpty(), GRADEBOOK_NOTICE.in(locale));
    }

    /**
     * Removes the files of committed rows: to the evidence trash, deleted for good within the hour (a backup running
     * meanwhile still finds them); each failure is logged and returned.
     */
    List<FileNotRemoved> removeFiles(List<Erasure.StoredFile> stored) {
        List<FileNotRemoved> failures = new ArrayList<>();
        for (Erasure.StoredFile file : stored) {
            try {
                files.discard(file.storageName());
            } catch (IOException | RuntimeException e) {
                String path = files.directory().resolve(file.storageName()).toString();
                LOG.warning(() -> "Fichier de preuve " + file.evidenceId() + " non retiré : " + path + " (" + e
                        + ") : supprimez-le à la main");
                failures.add(new FileNotRemoved(file.evidenceId(), path, e.toString()));
            }
        }
        return failures;
    }
}
