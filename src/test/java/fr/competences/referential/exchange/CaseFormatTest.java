package fr.competences.referential.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.competences.errors.ProblemException.Problem;
import fr.competences.referential.ItemKind;
import fr.competences.referential.ItemOption;
import fr.competences.referential.ReferentielTree;
import fr.competences.referential.ReferentielTree.Item;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CaseFormatTest {

    private static final String BASE = "https://competences.example.fr";
    private static final Instant CHANGED = Instant.parse("2026-01-02T03:04:05Z");
    private static final String DOCUMENT = id(0);

    private final ReferentielTree builtIn = BuiltInReferentiel.load();

    // --- export and round trip ---------------------------------------------------------------

    @Test
    void roundTripKeepsEveryItemCodeTitleOptionIdentifierAndOrder() {
        ReferentielTree read = CaseFormat.read(new StringReader(export()), BuiltInReferentiel.CODE);

        assertThat(read).isEqualTo(builtIn.withIdentity(builtIn.code(), builtIn.caseIdentifier(), false));
        assertThat(read.items().map(Item::code)).containsExactlyElementsOf(builtIn.items().map(Item::code).toList());
        assertThat(read.find("B3.5").orElseThrow().option()).isEqualTo(ItemOption.SLAM);
        assertThat(read.find("B1").orElseThrow().shortTitle())
                .isEqualTo("Support et mise à disposition de services informatiques");
    }

    @Test
    void exportHasOneCfItemAndOneIsChildOfAssociationPerItem() {
        JsonObject cfPackage = parse(export());

        assertThat(cfPackage.getJsonArray("CFItems")).hasSize(80);
        assertThat(cfPackage.getJsonArray("CFAssociations")).hasSize(80)
                .allSatisfy(association -> assertThat(association.asJsonObject().getString("associationType"))
                        .isEqualTo("isChildOf"));
        assertThat(cfPackage.getJsonObject("CFDefinitions").getJsonArray("CFItemTypes")).hasSize(3);
    }

    @Test
    void exportIsDeterministic() {
        assertThat(export()).isEqualTo(export());
        assertThat(CaseFormat.write(builtIn, BASE + "/", CHANGED)).isEqualTo(export());
    }

    @Test
    void documentCarriesTheReferentielAndItsPublicUri() {
        JsonObject document = parse(export()).getJsonObject("CFDocument");

        assertThat(document.getString("identifier")).isEqualTo(builtIn.caseIdentifier().toString());
        assertThat(document.getString("uri")).isEqualTo(BASE + "/api/referentiels/bts-sio-2019-slam");
        assertThat(document.getString("title")).isEqualTo(BuiltInReferentiel.TITLE);
        assertThat(document.getString("officialSourceURL")).isEqualTo(builtIn.sourceUrl());
        assertThat(document.getString("adoptionStatus")).isEqualTo("Adopted");
        assertThat(document.getString("lastChangeDateTime")).isEqualTo("2026-01-02T03:04:05+00:00");
        assertThat(document.getJsonObject("CFPackageURI").getString("identifier"))
                .isEqualTo(builtIn.caseIdentifier().toString());
    }

    @Test
    void itemCarriesCodePositionTypeAndOptionKeyword() {
        JsonObject b2 = cfItem(parse(export()), "B2");
        JsonObject b113 = cfItem(parse(export()), "B1.1.3");

        assertThat(b2.getString("listEnumeration")).isEqualTo("2");
        assertThat(b2.getString("CFItemType")).isEqualTo("Bloc");
        assertThat(b2.getJsonArray("conceptKeywords")).containsExactly(Json.createValue("option:SLAM"));
        assertThat(b2.getJsonObject("CFItemTypeURI").getString("identifier"))
                .isEqualTo(CaseFormat.itemTypeIdentifier(ItemKind.BLOC).toString());
        assertThat(b113.getString("CFItemType")).isEqualTo("Savoir-faire");
        assertThat(b113.getString("uri")).isEqualTo(BASE + "/case/CFItems/" + b113.getString("identifier"));
        assertThat(b113).doesNotContainKeys("conceptKeywords", "abbreviatedStatement");
    }

    @Test
    void blocsAreChildrenOfTheDocumentAndOthersOfTheirParentInOrder() {
        JsonObject cfPackage = parse(export());
        Item b1 = builtIn.find("B1").orElseThrow();
        Item b12 = builtIn.find("B1.2").orElseThrow();

        JsonObject ofB1 = associationFrom(cfPackage, b1);
        JsonObject ofB12 = associationFrom(cfPackage, b12);

        assertThat(ofB1.getJsonObject("destinationNodeURI").getString("identifier")).isEqualTo(builtIn.caseIdentifier().toString());
        assertThat(ofB12.getJsonObject("destinationNodeURI").getString("identifier"))
                .isEqualTo(b1.caseIdentifier().toString());
        assertThat(ofB12.getInt("sequenceNumber")).isEqualTo(2);
        assertThat(ofB12.getString("identifier")).isEqualTo(CaseFormat.associationIdentifier(b12).toString());
    }

    // --- import of hand-written packages ------------------------------------------------------

    @Test
    void siblingOrderFollowsSequenceNumberThenListEnumerationThenFileOrder() {
        String json = cfPackage(
                items(itemWith(5, "B2", "listEnumeration", "2"), item(6, "B2.2"), item(7, "B2.1"),
                        itemWith(1, "B1", "listEnumeration", "1"), itemWith(2, "B1.3", "listEnumeration", "1"),
                        item(3, "B1.2"), item(4, "B1.1")),
                associations(childOf(4, 1, 1), childOf(3, 1, 2), childOf(2, 1, 3),
                        isChildOf(1, 0), isChildOf(5, 0), isChildOf(7, 5), isChildOf(6, 5)));

        ReferentielTree tree = CaseFormat.read(new StringReader(json), "test");

        assertThat(tree.items().map(Item::code)).containsExactly("B1", "B1.1", "B1.2", "B1.3", "B2", "B2.2", "B2.1");
    }

    @Test
    void importDerivesLevelsFromDepthAndKeepsIdentifiersOptionsAndFileIdentity() {
        ReferentielTree tree = CaseFormat.read(new StringReader(smallPackage()), " ");

        assertThat(tree.items().map(Item::kind))
                .containsExactly(ItemKind.BLOC, ItemKind.COMPETENCE, ItemKind.SAVOIR_FAIRE);
        assertThat(tree.find("B1.1.1").orElseThrow().caseIdentifier()).isEqualTo(UUID.fromString(id(3)));
        assertThat(tree.find("B1").orElseThrow().option()).isEqualTo(ItemOption.SISR);
        assertThat(tree.caseIdentifier()).isEqualTo(UUID.fromString(DOCUMENT));
        assertThat(tree.code()).isEqualTo("referentiel-d-essai");
        assertThat(tree.builtIn()).isFalse();
    }

    @Test
    void associationsOtherThanIsChildOfAreIgnored() {
        JsonObject related = Json.createObjectBuilder(isChildOf(3, 1)).add("associationType", "isRelatedTo").build();
        String json = cfPackage(smallItems(), associations(isChildOf(1, 0), isChildOf(2, 1), isChildOf(3, 2), related));

        assertThat(CaseFormat.read(new StringReader(json), "test").count(ItemKind.SAVOIR_FAIRE)).isEqualTo(1);
    }

    // --- rejected files -------------------------------------------------------------------------

    @Test
    void syntaxErrorIsReportedWithLineAndColumn() {
        String json = "{\n  \"CFDocument\": {\n    \"title\": \"x\",,\n  }\n}";

        assertThat(problems(json)).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("ligne 3, colonne 18");
            assertThat(problem.message().fr()).startsWith("JSON mal formé")
                    .as("the parser's own words are English, and said so").contains("en anglais");
        });
    }

    @Test
    void rootThatIsNotAnObjectIsRejected() {
        assertThat(problems("[1, 2]")).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("racine");
            assertThat(problem.message().fr()).contains("objet JSON CFPackage");
        });
    }

    @Test
    void missingCfDocumentIsRejected() {
        String json = Json.createObjectBuilder(parse(smallPackage())).remove("CFDocument").build().toString();

        assertThat(problems(json)).extracting(Problem::location).containsExactly("CFDocument");
    }

    @Test
    void missingHumanCodingSchemeIsReportedOnTheItem() {
        JsonObject noCode = Json.createObjectBuilder(item(2, "B1.1")).remove("humanCodingScheme").build();
        String json = cfPackage(items(item(1, "B1"), noCode, item(3, "B1.1.1")), smallAssociations());

        assertThat(problems(json)).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("CFItems[1]");
            assertThat(problem.message().fr()).contains("ajoutez le champ humanCodingScheme (ex. B1.1.1)");
        });
    }

    @Test
    void duplicateCodeIsReportedOnTheSecondItem() {
        String json = cfPackage(items(item(1, "B1"), item(2, "B1.1"), item(3, "B1.1")), smallAssociations());

        assertThat(problems(json)).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("CFItems[2] (B1.1)");
            assertThat(problem.message().fr()).contains("Code en double", "CFItems[1] (B1.1)");
        });
    }

    @Test
    void duplicateIdentifierIsRejected() {
        String json = cfPackage(items(item(1, "B1"), item(2, "B1.1"), item(2, "B1.2")),
                associations(isChildOf(1, 0), isChildOf(2, 1)));

        assertThat(problems(json)).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("CFItems[2] (B1.2)");
            assertThat(problem.message().fr()).contains("Identifiant en double", id(2));
        });
    }

    @Test
    void associationToAnUnknownItemIsRejected() {
        String json = cfPackage(smallItems(), associations(isChildOf(1, 0), isChildOf(2, 1), isChildOf(3, 9)));

        assertThat(problems(json)).extracting(Problem::location)
                .containsExactly("CFAssociations[2]", "CFItems[2] (B1.1.1)");
        assertThat(problems(json).getFirst().message().fr())
                .contains("destinationNodeURI désigne " + id(9), "ni un CFItem du fichier ni le CFDocument");
    }

    @Test
    void itemWithTwoParentsIsRejected() {
        String json = cfPackage(smallItems(),
                associations(isChildOf(1, 0), isChildOf(2, 1), isChildOf(3, 2), isChildOf(3, 1)));

        assertThat(problems(json)).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("CFAssociations[3]");
            assertThat(problem.message().fr()).contains("B1.1.1 a déjà un parent (CFAssociations[2])");
        });
    }

    @Test
    void cycleIsReportedOnceWithItsChain() {
        String json = cfPackage(items(item(1, "B1"), item(2, "B1.1"), item(3, "B1.2")),
                associations(isChildOf(1, 0), isChildOf(2, 3), isChildOf(3, 2)));

        assertThat(problems(json)).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("CFItems[1] (B1.1)");
            assertThat(problem.message().fr()).contains("Boucle dans la hiérarchie (B1.1 → B1.2 → B1.1)");
        });
    }

    @Test
    void fourthLevelIsRejected() {
        String json = cfPackage(items(item(1, "B1"), item(2, "B1.1"), item(3, "B1.1.1"), item(4, "B1.1.1.1")),
                associations(isChildOf(1, 0), isChildOf(2, 1), isChildOf(3, 2), isChildOf(4, 3)));

        assertThat(problems(json)).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("CFItems[3] (B1.1.1.1)");
            assertThat(problem.message().fr()).contains("Niveau 4", "sous le savoir-faire B1.1.1");
        });
    }

    @Test
    void itemNotAttachedToTheDocumentIsRejected() {
        String json = cfPackage(smallItems(), associations(isChildOf(1, 0), isChildOf(2, 1)));

        assertThat(problems(json)).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isEqualTo("CFItems[2] (B1.1.1)");
            assertThat(problem.message().fr()).contains("n'est rattaché à rien", "ajoutez une association isChildOf");
        });
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        JsonObject noTitle = Json.createObjectBuilder(item(2, "B1.1")).remove("fullStatement").build();
        JsonObject badId = Json.createObjectBuilder(item(3, "B1.1.1")).add("identifier", "B1.1.1").build();
        String json = cfPackage(items(item(1, "B1"), noTitle, badId), associations(isChildOf(1, 0), isChildOf(2, 1)));

        assertThat(problems(json)).extracting(Problem::location)
                .containsExactly("CFItems[1] (B1.1)", "CFItems[2] (B1.1.1)");
        assertThat(problems(json)).extracting(problem -> problem.message().fr())
                .satisfiesExactly(
                        first -> assertThat(first).contains("fullStatement"),
                        second -> assertThat(second).contains("« B1.1.1 » invalide"));
    }

    // --- helpers ------------------------------------------------------------------------------

    private String export() {
        return CaseFormat.write(builtIn, BASE, CHANGED);
    }

    private static List<Problem> problems(String json) {
        return catchThrowableOfType(InvalidReferentielException.class,
                () -> CaseFormat.read(new StringReader(json), "test")).errors();
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static JsonObject cfItem(JsonObject cfPackage, String code) {
        return cfPackage.getJsonArray("CFItems").getValuesAs(JsonObject.class).stream()
                .filter(item -> item.getString("humanCodingScheme").equals(code)).findFirst().orElseThrow();
    }

    private static JsonObject associationFrom(JsonObject cfPackage, Item child) {
        return cfPackage.getJsonArray("CFAssociations").getValuesAs(JsonObject.class).stream()
                .filter(association -> association.getJsonObject("originNodeURI").getString("identifier")
                        .equals(child.caseIdentifier().toString()))
                .findFirst().orElseThrow();
    }

    /** Readable test identifiers: id(0) is the document, id(n) the n-th item. */
    private static String id(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    /** B1 (SISR) > B1.1 > B1.1.1. */
    private static String smallPackage() {
        return cfPackage(smallItems(), smallAssociations());
    }

    private static JsonArray smallItems() {
        JsonObject sisr = Json.createObjectBuilder(item(1, "B1"))
                .add("conceptKeywords", Json.createArrayBuilder().add("option:SISR")).build();
        return items(sisr, item(2, "B1.1"), item(3, "B1.1.1"));
    }

    private static JsonArray smallAssociations() {
        return associations(isChildOf(1, 0), isChildOf(2, 1), isChildOf(3, 2));
    }

    private static String cfPackage(JsonArray items, JsonArray associations) {
        return Json.createObjectBuilder()
                .add("CFDocument", Json.createObjectBuilder()
                        .add("identifier", DOCUMENT)
                        .add("title", "Référentiel d'essai"))
                .add("CFItems", items)
                .add("CFAssociations", associations)
                .build().toString();
    }

    private static JsonObject item(int n, String code) {
        return Json.createObjectBuilder()
                .add("identifier", id(n))
                .add("fullStatement", "Intitulé " + code)
                .add("humanCodingScheme", code)
                .build();
    }

    private static JsonObject itemWith(int n, String code, String field, String value) {
        return Json.createObjectBuilder(item(n, code)).add(field, value).build();
    }

    private static JsonObject isChildOf(int child, int parent) {
        return Json.createObjectBuilder()
                .add("identifier", id(1000 + child))
                .add("associationType", "isChildOf")
                .add("originNodeURI", Json.createObjectBuilder().add("identifier", id(child)))
                .add("destinationNodeURI", Json.createObjectBuilder().add("identifier", id(parent)))
                .build();
    }

    private static JsonObject childOf(int child, int parent, int sequenceNumber) {
        return Json.createObjectBuilder(isChildOf(child, parent)).add("sequenceNumber", sequenceNumber).build();
    }

    private static JsonArray items(JsonObject... items) {
        return array(items);
    }

    private static JsonArray associations(JsonObject... associations) {
        return array(associations);
    }

    private static JsonArray array(JsonValue... values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonValue value : values) {
            array.add(value);
        }
        return array.build();
    }
}
