package fr.competences.portfolio;

import fr.competences.referential.ReferentielTree;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a réalisation may tick: the compétences (and their savoir-faire) of bloc 1 and of the option bloc 2, read from
 * the BTS SIO référentiel.
 */
public record Catalogue(Bloc bloc1, Bloc bloc2) {

    static final String BLOC1 = "B1";
    static final String BLOC2 = "B2";

    /** A bloc's code and title, with its compétences. */
    public record Bloc(String code, String title, List<Skill> competences) {
    }

    /** A compétence or savoir-faire. */
    public record Skill(String code, String title, List<Skill> savoirFaire) {
    }

    static Catalogue of(ReferentielTree tree) {
        return new Catalogue(bloc(tree, BLOC1), bloc(tree, BLOC2));
    }

    private static Bloc bloc(ReferentielTree tree, String code) {
        ReferentielTree.Item bloc = tree.find(code).orElseThrow(() -> new IllegalStateException(
                "the BTS SIO référentiel has no bloc " + code));
        return new Bloc(bloc.code(), bloc.displayTitle(), bloc.children().stream().map(c -> new Skill(c.code(),
                c.title(), c.children().stream().map(s -> new Skill(s.code(), s.title(), List.of())).toList()))
                .toList());
    }

    /** Every code a réalisation may tick. */
    Set<String> codes() {
        Set<String> codes = new HashSet<>();
        Stream.of(bloc1, bloc2).flatMap(b -> b.competences().stream()).forEach(c -> {
            codes.add(c.code());
            c.savoirFaire().forEach(s -> codes.add(s.code()));
        });
        return codes;
    }

    List<String> bloc1Codes() {
        return bloc1.competences().stream().map(Skill::code).toList();
    }

    Coverage coverage(List<RealisationView> realisations) {
        return Coverage.of(bloc1Codes(), bloc2.code(), realisations.stream().map(r -> Set.copyOf(r.skills())).toList());
    }
}
