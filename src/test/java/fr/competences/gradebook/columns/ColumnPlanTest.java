package fr.competences.gradebook.columns;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.assessment.ActivityView;
import fr.competences.gradebook.rules.ColumnMode;
import fr.competences.referential.ItemKind;
import fr.competences.referential.ItemOption;
import fr.competences.referential.ReferentielTree;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ColumnPlanTest {

    static final ReferentielTree TREE = new ReferentielTree("bts-sio", "BTS SIO", null, "2019", null, "fr", null, true,
            List.of(bloc("B1", "Bloc de compétences n°1 - Support et mise à disposition de services informatiques",
                    "Support et mise à disposition de services informatiques", item("B1.2", "Répondre aux incidents",
                    item("B1.2.1", "Collecter, suivre et orienter des demandes")), item("B1.10", "Dixième")),
                    bloc("B2", "Conception et développement d’applications", null, item("B2.1", "Concevoir une solution"))));

    static ReferentielTree.Item bloc(String code, String title, String shortTitle, ReferentielTree.Item... children) {
        return new ReferentielTree.Item(ItemKind.BLOC, code, title, shortTitle, ItemOption.COMMON, null, List.of(children));
    }

    static ReferentielTree.Item item(String code, String title, ReferentielTree.Item... children) {
        return new ReferentielTree.Item(children.length == 0 ? ItemKind.SAVOIR_FAIRE : ItemKind.COMPETENCE, code, title,
                null, ItemOption.COMMON, null, List.of(children));
    }

    static ActivityView activity(long id, String... codes) {
        return new ActivityView(id, 1, "bts-sio", "TP" + id, null, 20, java.util.Arrays.stream(codes)
                .map(code -> new ActivityView.Skill(code, TREE.find(code).map(ReferentielTree.Item::title).orElse(code),
                        ItemKind.COMPETENCE, 1)).toList(), 0);
    }

    @Test
    void oneColumnPerAssessedSkillInNaturalOrder() {
        var columns = ColumnPlan.of(ColumnMode.SKILL, List.of(activity(1, "B2.1", "B1.10"), activity(2, "B1.2", "B2.1")),
                code -> Optional.of(TREE));
        assertThat(columns).extracting(ColumnPlan.Column::code).containsExactly("B1.2", "B1.10", "B2.1");
        assertThat(columns.getFirst().label()).isEqualTo("B1.2 Répondre aux incidents");
        assertThat(columns.getFirst().skills()).containsExactly("B1.2");
    }

    @Test
    void oneColumnPerBlocHoldingTheSkillsAssessedUnderIt() {
        var columns = ColumnPlan.of(ColumnMode.BLOCK, List.of(activity(1, "B1.2.1", "B2.1"), activity(2, "B1.10",
                "UNKNOWN")), code -> Optional.of(TREE));
        assertThat(columns).extracting(ColumnPlan.Column::code).containsExactly("B1", "B2");
        assertThat(columns.getFirst().label()).as("the short title").isEqualTo("B1 Support et mise à disposition de services informatiques");
        assertThat(columns.get(1).label()).isEqualTo("B2 Conception et développement d’applications");
        assertThat(columns.getFirst().skills()).containsExactly("B1.2.1", "B1.10");
        assertThat(columns.get(1).skills()).isEqualTo(Set.of("B2.1"));
    }

    @Test
    void noColumnWhenNoneChosenOrTheRéférentielIsGone() {
        assertThat(ColumnPlan.of(ColumnMode.NONE, List.of(activity(1, "B2.1")), code -> Optional.of(TREE))).isEmpty();
        assertThat(ColumnPlan.of(ColumnMode.BLOCK, List.of(activity(1, "B2.1")), code -> Optional.empty())).isEmpty();
    }

    @Test
    void longLabelsAreCut() {
        String title = "x".repeat(300);
        var column = ColumnPlan.of(ColumnMode.SKILL, List.of(new ActivityView(1, 1, "r", "TP", null, 20,
                List.of(new ActivityView.Skill("C1", title, ItemKind.COMPETENCE, 1)), 0)), code -> Optional.empty());
        assertThat(column.getFirst().label()).hasSize(ColumnPlan.LABEL_LENGTH).startsWith("C1 xxx").endsWith("…");
    }
}
