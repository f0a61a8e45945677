package fr.competences.gradebook.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.lti.ags.Results;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class GradebookDifferencesTest {

    static final BigDecimal TWENTY = new BigDecimal("20");

    @Test
    void comparesAtTheToolsScale() {
        // Moodle rescaled 15/20 to 75/100: the same grade
        assertThat(GradebookDifferences.compare(1, new BigDecimal("15"), TWENTY,
                new Results.Result("42", new BigDecimal("75"), new BigDecimal("100"), null)).kind())
                .isEqualTo(GradebookDifferences.Kind.SAME);
        GradebookDifferences.Difference overridden = GradebookDifferences.compare(1, new BigDecimal("15"), TWENTY,
                new Results.Result("42", new BigDecimal("50"), new BigDecimal("100"), null));
        assertThat(overridden.kind()).isEqualTo(GradebookDifferences.Kind.DIFFERENT);
        assertThat(overridden.platformScore()).isEqualByComparingTo("10");
    }

    @Test
    void aResultWithoutScoreIsAZeroAndNoResultIsMissing() {
        Results.Result zero = new Results.Result("42", null, null, null); // Moodle omits a 0 grade (P-10)
        assertThat(GradebookDifferences.compare(1, new BigDecimal("0.00"), TWENTY, zero).kind())
                .isEqualTo(GradebookDifferences.Kind.SAME);
        assertThat(GradebookDifferences.compare(1, new BigDecimal("12"), TWENTY, zero).kind())
                .isEqualTo(GradebookDifferences.Kind.DIFFERENT);
        assertThat(GradebookDifferences.compare(1, new BigDecimal("12"), TWENTY, null).kind())
                .isEqualTo(GradebookDifferences.Kind.MISSING);
    }
}
