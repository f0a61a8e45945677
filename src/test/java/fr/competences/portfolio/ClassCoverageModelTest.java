package fr.competences.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassCoverageModelTest {

    static ClassCoverage.Row row(String name, List<Set<String>> realisations) {
        return new ClassCoverage.Row(name.length(), name, realisations.size(),
                Coverage.of(CoverageTest.BLOC1, "B2", realisations));
    }

    /** As the class list gives them: by family name. */
    final List<ClassCoverage.Row> rows = List.of(
            row("Anne Bernard", List.of()),
            row("Émile Durand", List.of(Set.of("B1.1", "B1.2", "B1.3", "B1.4", "B1.5", "B1.6", "B2.1"))),
            row("Zoé Martin", List.of(Set.of("B1.1"), Set.of("B2.1"), Set.of("B2.2"))));

    @Test
    void byNameKeepsTheClassListsOrder() {
        assertThat(rows.stream().sorted(ClassCoverageModel.order(null)).map(ClassCoverage.Row::name))
                .containsExactly("Anne Bernard", "Émile Durand", "Zoé Martin");
    }

    @Test
    void byGapsMostFirst() {
        assertThat(rows.stream().sorted(ClassCoverageModel.order("gaps")).map(ClassCoverage.Row::name))
                .containsExactly("Anne Bernard", "Zoé Martin", "Émile Durand");
    }

    @Test
    void byBloc2FewestFirst() {
        assertThat(rows.stream().sorted(ClassCoverageModel.order("bloc2")).map(ClassCoverage.Row::name))
                .containsExactly("Anne Bernard", "Émile Durand", "Zoé Martin");
    }
}
