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

    final List<ClassCoverage.Row> rows = List.of(
            row("Émile", List.of(Set.of("B1.1", "B1.2", "B1.3", "B1.4", "B1.5", "B1.6", "B2.1"))),
            row("Zoé", List.of(Set.of("B1.1"), Set.of("B2.1"), Set.of("B2.2"))),
            row("Anne", List.of()));

    @Test
    void byNameInFrenchOrder() {
        assertThat(rows.stream().sorted(ClassCoverageModel.order(null)).map(ClassCoverage.Row::name))
                .containsExactly("Anne", "Émile", "Zoé");
    }

    @Test
    void byGapsMostFirst() {
        assertThat(rows.stream().sorted(ClassCoverageModel.order("gaps")).map(ClassCoverage.Row::name))
                .containsExactly("Anne", "Zoé", "Émile");
    }

    @Test
    void byBloc2FewestFirst() {
        assertThat(rows.stream().sorted(ClassCoverageModel.order("bloc2")).map(ClassCoverage.Row::name))
                .containsExactly("Anne", "Émile", "Zoé");
    }
}
