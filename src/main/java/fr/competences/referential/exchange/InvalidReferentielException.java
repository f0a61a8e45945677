package fr.competences.referential.exchange;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import java.util.List;

/** An imported file that cannot become a référentiel; lists every problem found, nothing is imported. */
public class InvalidReferentielException extends ProblemException {

    public InvalidReferentielException(List<Problem> problems) {
        super(422, "invalid-referentiel",
                LocalizedText.of("Fichier de référentiel invalide", "Invalid framework file"),
                LocalizedText.of(problems.size() + " problème(s) trouvé(s) ; rien n'a été importé. "
                                + "Corrigez le fichier puis importez-le de nouveau.",
                        problems.size() + " problem(s) found; nothing was imported. Fix the file and import it again."),
                problems);
    }

    public static InvalidReferentielException single(String location, String fr, String en) {
        return new InvalidReferentielException(List.of(new Problem(location, LocalizedText.of(fr, en))));
    }
}
