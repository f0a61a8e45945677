package fr.competences.assessment;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import java.util.List;

/** The refusals of this package, each telling the teacher or student what to do. */
final class Problems {

    private Problems() {
    }

    static ProblemException invalid(List<ProblemException.Problem> problems) {
        return new ProblemException(422, "assessment-invalid",
                LocalizedText.of("Saisie à corriger", "Input to correct"),
                LocalizedText.of("Certaines valeurs ne conviennent pas : corrigez-les puis enregistrez de nouveau.",
                        "Some values are not acceptable: correct them, then save again."), problems);
    }

    /** A request without the JSON body it needs; {@code what} says what to send. */
    static ProblemException activityNotFound(long activityId) {
        return new ProblemException(404, "activity-not-found",
                LocalizedText.of("Activité introuvable", "Activity not found"),
                LocalizedText.of("L’activité " + activityId + " n’existe pas dans ce cours. Relancez l’outil depuis "
                                + "l’activité Moodle.",
                        "Activity " + activityId + " does not exist in this course. Launch the tool again from the "
                                + "Moodle activity."));
    }

    static ProblemException staleScale() {
        return new ProblemException(409, "scale-changed",
                LocalizedText.of("Échelle modifiée entre-temps", "Scale changed meanwhile"),
                LocalizedText.of("Un autre enseignant vient de modifier l’échelle du cours. Rechargez la page pour voir "
                                + "sa version, puis refaites vos changements.",
                        "Another teacher has just changed the course's scale. Reload the page to see their version, "
                                + "then make your changes again."));
    }

    static ProblemException staleActivity() {
        return new ProblemException(409, "activity-changed",
                LocalizedText.of("Activité modifiée entre-temps", "Activity changed meanwhile"),
                LocalizedText.of("Un autre enseignant vient de modifier cette activité. Rechargez la page pour voir sa "
                                + "version, puis refaites vos changements.",
                        "Another teacher has just changed this activity. Reload the page to see their version, then "
                                + "make your changes again."));
    }

    static ProblemException staleSheets(List<ProblemException.Problem> students) {
        return new ProblemException(409, "positions-changed",
                LocalizedText.of("Positionnements modifiés entre-temps", "Positions changed meanwhile"),
                LocalizedText.of("Un autre enseignant a enregistré des positionnements de ces étudiants depuis que vous "
                                + "avez ouvert la grille. Rien n’a été enregistré : rechargez la grille pour voir ses "
                                + "valeurs, puis refaites vos changements.",
                        "Another teacher saved positions of these students since you opened the grid. Nothing was "
                                + "saved: reload the grid to see their values, then make your changes again."),
                students);
    }
}
