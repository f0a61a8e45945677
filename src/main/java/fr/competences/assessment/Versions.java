package fr.competences.assessment;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;

/** Reads the version a client saw from {@code If-Match} (an entity tag holding the version number). */
final class Versions {

    private Versions() {
    }

    static int of(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "version-missing",
                    LocalizedText.of("Version manquante", "Version missing"),
                    LocalizedText.of("Envoyez dans l’en-tête If-Match la version lue (ETag), pour qu’aucune "
                                    + "modification d’un collègue ne soit écrasée.",
                            "Send the version you read (ETag) in the If-Match header, so that no colleague's change "
                                    + "is overwritten."));
        }
        try {
            return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "version-invalid", LocalizedText.of("Version illisible", "Unreadable version"),
                    LocalizedText.of("If-Match doit contenir la version lue (ETag), par exemple \"3\".",
                            "If-Match must hold the version read (ETag), for example \"3\"."));
        }
    }
}
