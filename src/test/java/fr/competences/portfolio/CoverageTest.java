package fr.competences.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoverageTest {

    static final List<String> BLOC1 = List.of("B1.1", "B1.2", "B1.3", "B1.4", "B1.5", "B1.6");

    @Test
    void allSixCompetencesCoveredByCompetenceOrSavoirFaireTicks() {
        Coverage coverage = Coverage.of(BLOC1, "B2", List.of(
                Set.of("B1.1", "B1.2.1", "B1.3"),
                Set.of("B1.4.2", "B1.5"),
                Set.of("B1.6.4", "B1.1.3")));

        assertThat(coverage.bloc1Complete()).isTrue();
        assertThat(coverage.missing()).isEmpty();
        assertThat(coverage.bloc1()).containsExactly(java.util.Map.entry("B1.1", 2), java.util.Map.entry("B1.2", 1),
                java.util.Map.entry("B1.3", 1), java.util.Map.entry("B1.4", 1), java.util.Map.entry("B1.5", 1),
                java.util.Map.entry("B1.6", 1));
    }

    @Test
    void oneCompetenceMissingIsNamed() {
        Coverage coverage = Coverage.of(BLOC1, "B2", List.of(
                Set.of("B1.1", "B1.2", "B1.3"),
                Set.of("B1.4", "B1.6.1", "B2.1")));

        assertThat(coverage.bloc1Complete()).isFalse();
        assertThat(coverage.missing()).containsExactly("B1.5");
        assertThat(coverage.bloc1()).containsEntry("B1.5", 0);
    }

    @Test
    void noRealisationCoversNothing() {
        Coverage coverage = Coverage.of(BLOC1, "B2", List.of());

        assertThat(coverage.missing()).isEqualTo(BLOC1);
        assertThat(coverage.bloc2Realisations()).isZero();
        assertThat(coverage.bloc2Complete()).isFalse();
    }

    @Test
    void bloc2NeedsTwoRealisationsNotTwoTicks() {
        Coverage one = Coverage.of(BLOC1, "B2", List.of(Set.of("B2.1", "B2.2", "B2.3.1"), Set.of("B1.1")));
        Coverage two = Coverage.of(BLOC1, "B2", List.of(Set.of("B2.1"), Set.of("B1.1", "B2.3.2")));

        assertThat(one.bloc2Realisations()).isEqualTo(1);
        assertThat(one.bloc2Complete()).isFalse();
        assertThat(two.bloc2Realisations()).isEqualTo(2);
        assertThat(two.bloc2Complete()).isTrue();
    }

    @Test
    void aCodeIsWithinItsAncestorsOnly() {
        assertThat(Coverage.within("B1.2.3", "B1.2")).isTrue();
        assertThat(Coverage.within("B1.2", "B1.2")).isTrue();
        assertThat(Coverage.within("B1.20", "B1.2")).isFalse();
        assertThat(Coverage.within("B3.1", "B2")).isFalse();
    }
}
