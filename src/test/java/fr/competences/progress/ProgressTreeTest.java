package fr.competences.progress;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.assessment.ActivityView;
import fr.competences.assessment.Mastery;
import fr.competences.assessment.MasteryRule;
import fr.competences.assessment.Scale;
import fr.competences.referential.ItemKind;
import fr.competences.referential.ItemOption;
import fr.competences.referential.ReferentielTree;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTreeTest {

    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 2, 8, 0, 0, 0, ZoneOffset.UTC);

    static final ReferentielTree BTS = new ReferentielTree("bts", "BTS SIO", null, "1", null, "fr", null, false, List.of(
            item(ItemKind.BLOC, "B1", item(ItemKind.COMPETENCE, "B1.1", item(ItemKind.SAVOIR_FAIRE, "B1.1.1"))),
            item(ItemKind.BLOC, "B2",
                    item(ItemKind.COMPETENCE, "B2.1", item(ItemKind.SAVOIR_FAIRE, "B2.1.1")),
                    item(ItemKind.COMPETENCE, "B2.2", item(ItemKind.SAVOIR_FAIRE, "B2.2.1"),
                            item(ItemKind.SAVOIR_FAIRE, "B2.2.2")))));

    static final ActivityView TP1 = activity(1, "TP Un", "B2.1", "B2.2.1", "B2.2.2");
    static final ActivityView TP2 = activity(2, "TP Deux", "B2.1", "X9");

    static ReferentielTree.Item item(ItemKind kind, String code, ReferentielTree.Item... children) {
        return new ReferentielTree.Item(kind, code, "Titre " + code, null, ItemOption.COMMON, null, Arrays.asList(children));
    }

    static ActivityView activity(long id, String title, String... codes) {
        return new ActivityView(id, 9, "bts", title, null, 20, Arrays.stream(codes)
                .map(code -> new ActivityView.Skill(code, code, null, 1)).toList(), 0);
    }

    static Mastery.Rating rating(ActivityView activity, int level, int minutesAfter) {
        Scale.Level scaleLevel = Scale.DEFAULT.level(level);
        return new Mastery.Rating(activity.id(), activity.title(), level, scaleLevel.label(), scaleLevel.points(),
                T0.plusMinutes(minutesAfter));
    }

    static ProgressTree.Tree tree(MasteryRule rule, Map<String, List<Mastery.Rating>> ratings) {
        return ProgressTree.of(List.of(BTS), List.of(TP1, TP2), Scale.DEFAULT, rule, ratings, Locale.FRENCH);
    }

    /** B2.1 rated in TP Deux (Acquis) after TP Un (En cours), B2.2.1 Non acquis, B2.2.2 never positioned. */
    static final Map<String, List<Mastery.Rating>> RATINGS = Map.of(
            "B2.1", List.of(rating(TP2, 2, 30), rating(TP1, 1, 0)),
            "B2.2.1", List.of(rating(TP1, 0, 0)));

    static ProgressTree.Skill find(ProgressTree.Tree tree, String code) {
        return tree.referentiels().getFirst().blocs().stream().flatMap(b -> b.competences().stream())
                .flatMap(ProgressTree.Skill::flatten).filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theWholeReferentielWithTheMasteryOfEachSkillTheCourseAssesses() {
        ProgressTree.Tree tree = tree(MasteryRule.LATEST, RATINGS);
        assertThat(tree.referentiels().getFirst().blocs()).extracting(ProgressTree.Bloc::code).containsExactly("B1", "B2");
        ProgressTree.Skill b21 = find(tree, "B2.1");
        assertThat(b21.assessed()).isTrue();
        assertThat(b21.mastery()).isEqualTo(new ProgressTree.SkillMastery(BigDecimal.TWO, 2, "Acquis", true));
        // in time order, whatever the order the ratings came in
        assertThat(b21.positionings()).extracting(ProgressTree.Positioning::activity, ProgressTree.Positioning::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TP Un", "En cours d’acquisition"),
                        org.assertj.core.groups.Tuple.tuple("TP Deux", "Acquis"));
        // assessed, never positioned: Non évalué, with the activity that will assess it
        ProgressTree.Skill b222 = find(tree, "B2.2.2");
        assertThat(b222.mastery().assessed()).isFalse();
        assertThat(b222.positionings()).extracting(ProgressTree.Positioning::activity, ProgressTree.Positioning::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TP Un", null));
        // in the référentiel, not assessed in the course: shown without a level
        assertThat(find(tree, "B2.2").assessed()).isFalse();
        assertThat(find(tree, "B2.2").mastery()).isNull();
        assertThat(find(tree, "B2.1.1").assessed()).isFalse();
    }

    @Test
    void eachBlocCountsItsAssessedSkillsProficientBelowAndNotPositioned() {
        ProgressTree.Tree tree = tree(MasteryRule.LATEST, RATINGS);
        List<ProgressTree.Bloc> blocs = tree.referentiels().getFirst().blocs();
        assertThat(blocs.get(0).counts()).as("B1.1.1: in no activity").isEqualTo(new ProgressTree.Counts(0, 0, 0, 1));
        assertThat(blocs.get(1).counts()).isEqualTo(new ProgressTree.Counts(1, 1, 1, 0));
        assertThat(blocs.get(1).counts().total()).isEqualTo(3);
        // the course's rule decides: the mean of En cours (1) and Acquis (2) is below the threshold
        ProgressTree.Tree average = tree(MasteryRule.AVERAGE, RATINGS);
        assertThat(find(average, "B2.1").mastery().label()).isEqualTo("1,5 / 3");
        assertThat(find(average, "B2.1").mastery().level()).isEqualTo(1);
        assertThat(average.referentiels().getFirst().blocs().get(1).counts()).isEqualTo(new ProgressTree.Counts(0, 2, 1, 0));
        // a student never positioned: everything assessed is « not yet »
        assertThat(tree(MasteryRule.LATEST, Map.of()).referentiels().getFirst().blocs().get(1).counts())
                .isEqualTo(new ProgressTree.Counts(0, 0, 3, 0));
    }

    @Test
    void aBlocWithOneSkillAssessedOutOfManyIsMeasuredAgainstItsSize() {
        ProgressTree.Tree tree = ProgressTree.of(List.of(new ReferentielTree("bts", "BTS SIO", null, "1", null, "fr", null, false, List.of(
                item(ItemKind.BLOC, "B2", item(ItemKind.COMPETENCE, "B2.2", item(ItemKind.SAVOIR_FAIRE, "B2.2.1"),
                        item(ItemKind.SAVOIR_FAIRE, "B2.2.2"), item(ItemKind.SAVOIR_FAIRE, "B2.2.3")),
                        item(ItemKind.COMPETENCE, "B2.3", item(ItemKind.SAVOIR_FAIRE, "B2.3.1")))))),
                List.of(activity(1, "TP", "B2.2.1")), Scale.DEFAULT, MasteryRule.LATEST,
                Map.of("B2.2.1", List.of(rating(activity(1, "TP", "B2.2.1"), 3, 0))), Locale.FRENCH);

        ProgressTree.Counts counts = tree.referentiels().getFirst().blocs().getFirst().counts();

        assertThat(counts).isEqualTo(new ProgressTree.Counts(1, 0, 0, 3));
        assertThat(counts.size()).as("the bar's whole: 1 assessed + 3 in no activity").isEqualTo(4);
    }

    @Test
    void skillsNoReferentielHoldsAreKeptApartAndTheClassGridGroupsColumnsByBloc() {
        ProgressTree.Tree tree = tree(MasteryRule.LATEST, Map.of("X9", List.of(rating(TP2, 3, 0))));
        assertThat(tree.outside()).extracting(ProgressTree.Skill::code).containsExactly("X9");
        assertThat(tree.outside().getFirst().mastery().label()).isEqualTo("Maîtrisé");

        List<ProgressTree.BlocColumns> columns = ProgressTree.columns(tree);
        assertThat(columns).extracting(ProgressTree.BlocColumns::code).containsExactly("B2", null);
        assertThat(columns.getFirst().skills()).extracting(ProgressTree.Column::code)
                .containsExactly("B2.1", "B2.2.1", "B2.2.2");
        assertThat(columns.get(1).skills()).extracting(ProgressTree.Column::code).containsExactly("X9");
    }
}
