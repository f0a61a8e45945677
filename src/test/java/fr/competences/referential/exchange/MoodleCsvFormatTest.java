package fr.competences.referential.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import fr.competences.errors.ProblemException.Problem;
import fr.competences.referential.ItemKind;
import fr.competences.referential.ItemOption;
import fr.competences.referential.ReferentielTree;
import fr.competences.referential.ReferentielTree.Item;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MoodleCsvFormatTest {

    /** As Moodle's export (tool_lpimportcsv) writes it, copied from a real export. */
    private static final String HEADER_LINE = "\"Parent ID number\",\"ID number\",\"Short name\",\"Description\","
            + "\"Description format\",\"Scale values\",\"Scale configuration\",\"Rule type (optional)\","
            + "\"Rule outcome (optional)\",\"Rule config (optional)\",\"Cross-referenced competency ID numbers\","
            + "\"Exported ID (optional)\",\"Is framework\",\"Taxonomy\"";
    private static final String B34_TITLE = "Garantir la disponibilité, l’intégrité et la confidentialité des services "
            + "informatiques et des données de l’organisation face à des cyberattaques";

    private final ReferentielTree builtIn = BuiltInReferentiel.load();

    // --- export -----------------------------------------------------------------------------------

    @Test
    void headerLineIsExactlyMoodles() {
        assertThat(exportLines().getFirst()).isEqualTo(HEADER_LINE);
    }

    @Test
    void frameworkRowCarriesTheFourLevelScaleAndTaxonomy() {
        assertThat(exportLines().get(1)).isEqualTo("\"\",\"bts-sio-2019-slam\",\"BTS SIO 2019 — option SLAM\",\""
                + builtIn.description() + "\",\"1\",\"Non acquis,En cours d'acquisition,Acquis,Maîtrisé\","
                + "\"[{\"\"scaleid\"\":\"\"0\"\"},{\"\"id\"\":1,\"\"scaledefault\"\":0,\"\"proficient\"\":0},"
                + "{\"\"id\"\":2,\"\"scaledefault\"\":0,\"\"proficient\"\":0},"
                + "{\"\"id\"\":3,\"\"scaledefault\"\":1,\"\"proficient\"\":1},"
                + "{\"\"id\"\":4,\"\"scaledefault\"\":0,\"\"proficient\"\":1}]\","
                + "\"\",\"\",\"\",\"\",\"\",\"1\",\"domain,competency,skill\"");
    }

    @Test
    void competencesCompleteWhenAllChildrenAreAndSavoirFaireHaveNoRule() {
        assertThat(exportLines()).contains(
                "\"B1\",\"B1.1\",\"Gérer le patrimoine informatique\",\"Gérer le patrimoine informatique\",\"1\","
                        + "\"\",\"\",\"core_competency\\competency_rule_all\",\"2\",\"null\",\"\",\"\",\"0\",\"\"",
                "\"B1.1\",\"B1.1.1\",\"Recenser et identifier les ressources numériques\","
                        + "\"Recenser et identifier les ressources numériques\",\"1\","
                        + "\"\",\"\",\"\",\"\",\"null\",\"\",\"\",\"0\",\"\"");
    }

    @Test
    void everyParentRowPrecedesItsChildren() {
        List<String> lines = exportLines();
        Set<String> seen = new HashSet<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] columns = line.substring(1).split("\",\"", 3);
            assertThat(columns[0]).as(columns[1]).matches(parent -> parent.isEmpty() || seen.contains(parent));
            seen.add(columns[1]);
        }
        assertThat(seen).hasSize(80);
    }

    @Test
    void titleLongerThan100CharactersIsCutInShortNameAndKeptWholeInDescription() {
        String b34 = exportLines().stream().filter(line -> line.startsWith("\"B3\",\"B3.4\"")).findFirst().orElseThrow();
        String shortName = b34.split("\",\"")[2];

        assertThat(B34_TITLE.length()).isGreaterThan(100);
        assertThat(shortName).hasSize(100).endsWith("…").isEqualTo(B34_TITLE.substring(0, 99) + "…");
        assertThat(b34.split("\",\"")[3]).isEqualTo(B34_TITLE);
    }

    @Test
    void textIsEscapedAsHtmlInDescriptionAndAsCsvEverywhere() {
        Item item = new Item(ItemKind.BLOC, "B1", "Tests \"unitaires\" & <intégration>", null, ItemOption.COMMON,
                UUID.randomUUID(), List.of());
        ReferentielTree tree = new ReferentielTree("t", "T", null, null, null, "fr", UUID.randomUUID(), false,
                List.of(item));

        assertThat(MoodleCsvFormat.write(tree).split("\n")[2]).startsWith(
                "\"\",\"B1\",\"Tests \"\"unitaires\"\" & <intégration>\",\"Tests \"\"unitaires\"\" &amp; &lt;intégration&gt;\"");
        assertThat(read(MoodleCsvFormat.write(tree)).find("B1").orElseThrow().title()).isEqualTo(item.title());
    }

    // --- round trip -------------------------------------------------------------------------------

    @Test
    void roundTripKeepsCodesTitlesHierarchyAndOrder() {
        ReferentielTree read = MoodleCsvFormat.read(new StringReader(MoodleCsvFormat.write(builtIn)), null);

        assertThat(outline(read.blocs())).isEqualTo(outline(builtIn.blocs()));
        assertThat(read.find("B3.4").orElseThrow().title()).isEqualTo(B34_TITLE);
        assertThat(read.title()).isEqualTo(builtIn.title());
        assertThat(read.description()).isEqualTo(builtIn.description());
        assertThat(read.code()).isEqualTo("bts-sio-2019-option-slam");
    }

    @Test
    void roundTripDropsOptionsShortTitlesAndCaseIdentifiersWhichTheFormatCannotCarry() {
        ReferentielTree read = read(MoodleCsvFormat.write(builtIn));
        UUID document = CaseIds.nameBased(CaseIds.URL_NAMESPACE, "moodle-csv:bts-sio-2019-slam");

        assertThat(read.items()).extracting(Item::option).containsOnly(ItemOption.COMMON);
        assertThat(read.items()).extracting(Item::shortTitle).containsOnlyNulls();
        assertThat(read.caseIdentifier()).isEqualTo(document);
        assertThat(read.find("B1.1.1").orElseThrow().caseIdentifier())
                .isEqualTo(CaseIds.nameBased(document, "B1.1.1"));
        assertThat(read.builtIn()).isFalse();
    }

    // --- import of other files --------------------------------------------------------------------

    @Test
    void semicolonDelimitedFileWithBomCrlfAndMultilineFieldsIsRead() {
        String csv = "\uFEFF" + String.join(";", MoodleCsvFormat.HEADERS) + "\r\n"
                + "\"\";BTS;Référentiel;\"Première ligne\r\nseconde « ligne »\";1;;;;;;;;1;\r\n"
                + ";B1;\"Bloc \"\"un\"\"\";;1;;;;;;;;0;\r\n"
                + "B1;B1.1;Compétence...;\"<p>Compétence <b>complète</b>&nbsp;: d&#39;essai &amp; plus</p>\";1;;;;;;;;0;\r\n";

        ReferentielTree tree = read(csv);

        assertThat(tree.title()).isEqualTo("Référentiel");
        assertThat(tree.description()).isEqualTo("Première ligne seconde « ligne »");
        assertThat(tree.find("B1").orElseThrow().title()).isEqualTo("Bloc \"un\"");
        assertThat(tree.find("B1.1").orElseThrow().title()).isEqualTo("Compétence complète : d'essai & plus");
    }

    @Test
    void rowsMayComeInAnyOrder() {
        ReferentielTree tree = read(file(item("B1.1", "B1.1.1"), item("B1", "B1.1"), framework(), item("", "B1"),
                item("", "B2")));

        assertThat(tree.items().map(Item::code)).containsExactly("B1", "B1.1", "B1.1.1", "B2");
        assertThat(tree.find("B1.1.1").orElseThrow().kind()).isEqualTo(ItemKind.SAVOIR_FAIRE);
    }

    @Test
    void shortNameEndingWithEllipsisButEmptyDescriptionStaysTheTitle() {
        assertThat(read(file(framework(), row("", "B1", "Bloc…", "  ", "0"))).find("B1").orElseThrow().title())
                .isEqualTo("Bloc…");
    }

    // --- rejected files ----------------------------------------------------------------------------

    @Test
    void missingHeaderIsReportedOnLine1() {
        String csv = HEADER_LINE.replace(",\"Taxonomy\"", "") + "\n";

        assertThat(problems(csv)).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("ligne 1");
            assertThat(problem.message().fr()).startsWith("Colonne(s) manquante(s) : Taxonomy.");
        });
    }

    @Test
    void unknownHeaderIsReportedOnLine1() {
        String csv = HEADER_LINE.replace("\"Taxonomy\"", "\"Taxonomy\",\"Notes\"") + "\n"
                + framework() + ",\"\"\n" + item("", "B1") + ",\"\"\n";

        assertThat(problems(csv)).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("ligne 1");
            assertThat(problem.message().fr()).startsWith("Colonne inconnue « Notes »");
        });
    }

    @Test
    void fileWithoutFrameworkRowIsRejected() {
        assertThat(problems(file(item("", "B1")))).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("ligne 2");
            assertThat(problem.message().fr()).contains("Aucune ligne de référentiel", "« Is framework » vaut 1");
        });
    }

    @Test
    void secondFrameworkRowIsRejected() {
        assertThat(problems(file(framework(), item("", "B1"), framework()))).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("ligne 4");
            assertThat(problem.message().fr()).contains("Deuxième ligne de référentiel", "la première est ligne 2");
        });
    }

    @Test
    void unknownParentIsReportedWithItsLine() {
        assertThat(problems(file(framework(), item("", "B1"), item("B9", "B9.1")))).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("ligne 4");
            assertThat(problem.message().fr()).startsWith("Parent « B9 » introuvable");
        });
    }

    @Test
    void duplicateIdNumberIsReportedWithBothLines() {
        assertThat(problems(file(framework(), item("", "B1"), item("B1", "B1.1"), item("", "B1"))))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.location()).isEqualTo("ligne 5");
                    assertThat(problem.message().fr()).startsWith("ID number « B1 » en double (déjà ligne 3)");
                });
    }

    @Test
    void unterminatedQuoteIsReportedWhereTheFieldOpens() {
        String csv = file(framework(), item("", "B1"), item("B1", "B1.1")) + "\"B1\",\"B1.2\",\"Gérer\n\n";

        assertThat(problems(csv)).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("ligne 5");
            assertThat(problem.message().fr()).startsWith("Guillemet ouvert et jamais fermé");
        });
    }

    @Test
    void rowWithWrongColumnCountIsReported() {
        String shortRow = item("", "B2").replace(",\"0\",\"\"", ",\"0\"");

        assertThat(problems(file(framework(), item("", "B1"), shortRow))).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("ligne 4");
            assertThat(problem.message().fr()).startsWith("13 colonnes au lieu de 14");
        });
    }

    @Test
    void fourthLevelIsRejected() {
        String csv = file(framework(), item("", "B1"), item("B1", "B1.1"), item("B1.1", "B1.1.1"),
                item("B1.1.1", "B1.1.1.1"));

        assertThat(problems(csv)).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("ligne 6");
            assertThat(problem.message().fr()).startsWith("Niveau 4 : B1.1.1.1 est rangé sous le savoir-faire B1.1.1");
        });
    }

    @Test
    void cycleIsRejected() {
        assertThat(problems(file(framework(), item("B1.1", "B1"), item("B1", "B1.1")))).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.location()).isEqualTo("ligne 3");
                    assertThat(problem.message().fr()).contains("Boucle dans la hiérarchie (B1 → B1.1 → B1)");
                });
    }

    @Test
    void everyRowProblemIsReportedAtOnce() {
        String csv = file(framework(), item("", ""), row("", "B2", " ", "", "0"), item("B9", "B9.1"));

        assertThat(problems(csv)).extracting(Problem::location, problem -> problem.message().fr().split(" :")[0])
                .containsExactly(
                        tuple("ligne 3", "ID number manquant"),
                        tuple("ligne 4", "Short name vide"),
                        tuple("ligne 5", "Parent « B9 » introuvable"));
    }

    // --- helpers ------------------------------------------------------------------------------------

    private List<String> exportLines() {
        return List.of(MoodleCsvFormat.write(builtIn).split("\n"));
    }

    private static ReferentielTree read(String csv) {
        return MoodleCsvFormat.read(new StringReader(csv), "test");
    }

    private static List<Problem> problems(String csv) {
        return catchThrowableOfType(InvalidReferentielException.class, () -> read(csv)).errors();
    }

    /** What this format carries of an item: level, code, title and children, in order. */
    private static List<Item> outline(List<Item> items) {
        return items.stream().map(item -> new Item(item.kind(), item.code(), item.title(), null, ItemOption.COMMON,
                null, outline(item.children()))).toList();
    }

    private static String file(String... rows) {
        return HEADER_LINE + "\n" + String.join("\n", rows) + "\n";
    }

    private static String framework() {
        return row("", "REF", "Référentiel d'essai", "", "1");
    }

    private static String item(String parent, String id) {
        return row(parent, id, "Intitulé " + id, "", "0");
    }

    private static String row(String parent, String id, String shortName, String description, String isFramework) {
        return Stream.of(parent, id, shortName, description, "1", "", "", "", "", "null", "", "", isFramework, "")
                .map(field -> "\"" + field.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(","));
    }
}
