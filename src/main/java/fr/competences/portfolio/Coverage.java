package fr.competences.portfolio;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exam's two coverage rules, read from the compétences each réalisation declares: for bloc 1, the réalisations
 * "doivent, dans leur ensemble, mobiliser toutes les compétences du bloc" (each bloc 1 compétence ticked by at least
 * one réalisation, itself or one of its savoir-faire); for the option bloc 2, at least two réalisations that mobilise
 * it. Pure: no storage, no language.
 *
 * @param bloc1 how many réalisations mobilise each bloc 1 compétence, in the référentiel's order
 * @param missing the bloc 1 compétences no réalisation mobilises yet
 * @param bloc2Realisations how many réalisations mobilise bloc 2
 */
public record Coverage(Map<String, Integer> bloc1, List<String> missing, int bloc2Realisations) {

    /** Réalisations the bloc 2 exam needs, each described on a fiche descriptive. */
    public static final int BLOC2_REQUIRED = 2;

    public Coverage {
        bloc1 = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bloc1));
        missing = List.copyOf(missing);
    }

    /**
     * @param bloc1Competences the codes of bloc 1's compétences (B1.1 … B1.6)
     * @param bloc2 the code of the option bloc (B2)
     * @param realisations the codes each réalisation ticked
     */
    public static Coverage of(List<String> bloc1Competences, String bloc2, Collection<Set<String>> realisations) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String competence : bloc1Competences) {
            counts.put(competence, (int) realisations.stream()
                    .filter(codes -> codes.stream().anyMatch(code -> within(code, competence))).count());
        }
        List<String> missing = counts.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey)
                .toList();
        int bloc2Count = (int) realisations.stream()
                .filter(codes -> codes.stream().anyMatch(code -> within(code, bloc2))).count();
        return new Coverage(counts, missing, bloc2Count);
    }

    /** Every bloc 1 compétence is mobilised by at least one réalisation. */
    public boolean bloc1Complete() {
        return missing.isEmpty() && !bloc1.isEmpty();
    }

    /** Bloc 2 has the réalisations its exam needs. */
    public boolean bloc2Complete() {
        return bloc2Realisations >= BLOC2_REQUIRED;
    }

    /** {@code code} is {@code item} or one of its descendants (B1.2.3 is within B1.2, never B1.2 within B1.20). */
    static boolean within(String code, String item) {
        return code.equals(item) || code.startsWith(item + ".");
    }
}
