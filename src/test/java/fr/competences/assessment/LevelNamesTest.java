package fr.competences.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LevelNamesTest {

    @Test
    void theDefaultLevelsAreNamedInEnglishOnEnglishPagesAndStayFrenchOnFrenchOnes() {
        assertThat(Scale.DEFAULT.in(Locale.ENGLISH).levels()).extracting(Scale.Level::label)
                .containsExactly("Not acquired", "Being acquired", "Acquired", "Mastered");
        assertThat(Scale.DEFAULT.in(Locale.FRENCH)).isEqualTo(Scale.DEFAULT);
        assertThat(Scale.DEFAULT.in(Locale.ENGLISH).abbreviations().values()).containsExactlyInAnyOrder("N", "B", "A",
                "M");
    }

    @Test
    void aLabelATeacherTypedIsShownAsTypedInEveryLanguage() {
        Scale renamed = new Scale(List.of(new Scale.Level(0, "À revoir", 0),
                new Scale.Level(1, "En cours d'acquisition", 1), new Scale.Level(2, "Acquis", 2),
                new Scale.Level(3, "Expert", 3)), 2);

        assertThat(renamed.in(Locale.ENGLISH).levels()).extracting(Scale.Level::label)
                .as("the untouched ones (apostrophe typed either way) in English, the renamed ones as typed")
                .containsExactly("À revoir", "Being acquired", "Acquired", "Expert");
        assertThat(LevelNames.of(0, "Acquis", Locale.ENGLISH)).as("a default label moved to another level is typed")
                .isEqualTo("Acquis");
    }

    @Test
    void aDefaultLevelsEnglishNameSentBackFromAnEnglishPageIsStoredAsTheDefault() {
        Scale sent = new Scale(List.of(new Scale.Level(0, "Not acquired", 0), new Scale.Level(1, " being acquired ", 5),
                new Scale.Level(2, "Acquired", 10), new Scale.Level(3, "Brilliant", 15)), 2);

        assertThat(sent.normalized().levels()).extracting(Scale.Level::label)
                .containsExactly("Non acquis", "En cours d’acquisition", "Acquis", "Brilliant");
        assertThat(LevelNames.stored(3, "Acquired")).as("another level's English name is a label like any other")
                .isEqualTo("Acquired");
    }
}
