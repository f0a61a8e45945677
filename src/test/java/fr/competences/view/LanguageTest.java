package fr.competences.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The launch's locale (Moodle's language codes) and {@code ?lang=} become French or English, nothing else. */
class LanguageTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "EN", "en_us", "en_wp", "en-GB", " en "})
    void englishInAnyVariantIsEnglish(String tag) {
        assertThat(Language.fromTag(tag)).isEqualTo(Language.ENGLISH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "fr_ca", "fr-FR", "FR"})
    void frenchInAnyVariantIsFrench(String tag) {
        assertThat(Language.fromTag(tag)).isEqualTo(Language.FRENCH);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"de", "es_mx", "e", "_en", " "})
    void anythingElseIsFrench(String tag) {
        assertThat(Language.fromTag(tag)).isEqualTo(Language.FRENCH);
    }
}
