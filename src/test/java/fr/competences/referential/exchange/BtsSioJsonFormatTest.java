package fr.competences.referential.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.referential.ItemKind;
import fr.competences.referential.ItemOption;
import fr.competences.referential.ReferentielTree;
import fr.competences.referential.ReferentielTree.Item;
import org.junit.jupiter.api.Test;

class BtsSioJsonFormatTest {

    private final ReferentielTree tree = BuiltInReferentiel.load();

    @Test
    void builtInFileHolds3Blocs14CompetencesAnd63SavoirFaire() {
        assertThat(tree.counts()).isEqualTo(new ReferentielTree.Counts(3, 14, 63));
        assertThat(tree.blocs()).extracting(Item::code).containsExactly("B1", "B2", "B3");
        assertThat(tree.builtIn()).isTrue();
    }

    @Test
    void theTwoSeedTyposAreFixed() {
        assertThat(title("B1.2.3")).startsWith("Traiter ");
        assertThat(title("B2.3.2")).contains("fonctionnalités applicatives");
    }

    @Test
    void optionsComeFromTheBlocOrTheCompetenceHeading() {
        assertThat(option("B1")).isEqualTo(ItemOption.COMMON);
        assertThat(option("B2")).isEqualTo(ItemOption.SLAM);
        assertThat(option("B3")).isEqualTo(ItemOption.COMMON);
        assertThat(option("B3.4")).isEqualTo(ItemOption.COMMON);
        assertThat(option("B3.5")).isEqualTo(ItemOption.SLAM);
    }

    @Test
    void savoirFaireInheritTheOptionOfTheirCompetence() {
        tree.items().filter(item -> item.kind() == ItemKind.COMPETENCE).forEach(competence ->
                assertThat(competence.children()).as(competence.code())
                        .isNotEmpty()
                        .allSatisfy(savoirFaire -> assertThat(savoirFaire.option()).isEqualTo(competence.option())));
        assertThat(option("B3.5.4")).isEqualTo(ItemOption.SLAM);
    }

    @Test
    void codesAndCaseIdentifiersAreUnique() {
        assertThat(tree.items().map(Item::code)).hasSize(80).doesNotHaveDuplicates();
        assertThat(tree.items().map(Item::caseIdentifier)).doesNotHaveDuplicates().doesNotContain(tree.caseIdentifier());
    }

    @Test
    void levelsFollowTheCodes() {
        assertThat(tree.items()).allSatisfy(item ->
                assertThat(item.kind().depth()).as(item.code()).isEqualTo(item.code().split("\\.").length));
    }

    private String title(String code) {
        return tree.find(code).orElseThrow().title();
    }

    private ItemOption option(String code) {
        return tree.find(code).orElseThrow().option();
    }
}
