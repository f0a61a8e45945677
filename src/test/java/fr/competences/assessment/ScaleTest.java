package fr.competences.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.errors.ProblemException.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleTest {

    @Test
    void theDefaultScaleIsTheFourBtsLevelsProficientFromAcquis() {
        Scale scale = Scale.DEFAULT;

        assertThat(scale.levels()).extracting(Scale.Level::label)
                .containsExactly("Non acquis", "En cours d’acquisition", "Acquis", "Maîtrisé");
        assertThat(scale.levels()).extracting(Scale.Level::points).containsExactly(0, 1, 2, 3);
        assertThat(scale.proficient(2)).isTrue();
        assertThat(scale.proficient(1)).isFalse();
        assertThat(scale.proficient(null)).as("non évalué").isFalse();
        assertThat(scale.points(null)).isNull();
        assertThat(scale.problems()).isEmpty();
    }

    @Test
    void aTeacherMayRenameLevelsAndChangePointsAndThreshold() {
        Scale socle = new Scale(List.of(new Scale.Level(0, " Maîtrise insuffisante ", 0),
                new Scale.Level(1, "Maîtrise fragile", 5), new Scale.Level(2, "Maîtrise satisfaisante", 10),
                new Scale.Level(3, "Très bonne maîtrise", 15)), 3);

        assertThat(socle.problems()).isEmpty();
        assertThat(socle.normalized().level(0).label()).isEqualTo("Maîtrise insuffisante");
        assertThat(socle.points(2)).isEqualTo(10);
        assertThat(socle.proficient(2)).isFalse();
    }

    @Test
    void refusesBlankOrDuplicateLabelsPointsThatDoNotRiseAndAnUnknownThreshold() {
        Scale wrong = new Scale(List.of(new Scale.Level(0, "", 0), new Scale.Level(1, "Acquis", 3),
                new Scale.Level(2, "acquis", 3), new Scale.Level(3, "Maîtrisé", 2000)), 4);

        assertThat(wrong.problems()).extracting(Problem::location).containsExactly(
                "levels[0].label", "levels[2].label", "levels[2].points", "levels[3].points", "proficientLevel");
        assertThat(wrong.problems().get(1).message().fr()).contains("« acquis » est déjà utilisé");
    }

    @Test
    void refusesAnotherNumberOfLevels() {
        Scale three = new Scale(Scale.DEFAULT.levels().subList(0, 3), 2);

        assertThat(three.problems()).singleElement().extracting(Problem::location).isEqualTo("levels");
    }
}
