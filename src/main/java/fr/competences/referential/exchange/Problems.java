package fr.competences.referential.exchange;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one import, so that a file is reported whole rather than first error only. */
final class Problems {

    private static final int MAX = 200;

    private final List<Problem> found = new ArrayList<>();

    void add(String location, String fr, String en) {
        if (found.size() < MAX) {
            found.add(new Problem(location, LocalizedText.of(fr, en)));
        }
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidReferentielException(found);
        }
    }
}
