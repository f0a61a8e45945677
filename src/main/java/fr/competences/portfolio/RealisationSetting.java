package fr.competences.portfolio;

import fr.competences.errors.LocalizedText;

/**
 * Where a réalisation took place, which is also the section of the tableau de synthèse it is listed in, in the
 * official order: in training, then at work in the first year, then in the second.
 */
public enum RealisationSetting {
    TRAINING(LocalizedText.of("Réalisations en cours de formation", "Réalisations during training")),
    WORK_YEAR_1(LocalizedText.of("Réalisations en milieu professionnel en cours de première année",
            "Réalisations at work during the first year")),
    WORK_YEAR_2(LocalizedText.of("Réalisations en milieu professionnel en cours de seconde année",
            "Réalisations at work during the second year"));

    private final LocalizedText section;

    RealisationSetting(LocalizedText section) {
        this.section = section;
    }

    /** The title of its section in the tableau de synthèse. */
    public LocalizedText section() {
        return section;
    }
}
