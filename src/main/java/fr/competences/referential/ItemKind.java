package fr.competences.referential;

/** The three levels of a référentiel, from the root down. Compétences and savoir-faire are both ratable. */
public enum ItemKind {
    BLOC("Bloc", "Block"),
    COMPETENCE("Compétence", "Competency"),
    SAVOIR_FAIRE("Savoir-faire", "Skill");

    private final String french;
    private final String english;

    ItemKind(String french, String english) {
        this.french = french;
        this.english = english;
    }

    public String label(boolean english) {
        return english ? this.english : french;
    }

    /** Level 1 is a bloc, 2 a compétence, 3 a savoir-faire. */
    public static ItemKind atDepth(int depth) {
        return values()[depth - 1];
    }

    public int depth() {
        return ordinal() + 1;
    }

    public boolean ratable() {
        return this != BLOC;
    }

    public static final int MAX_DEPTH = 3;
}
