package fr.competences.referential.exchange;

import fr.competences.input.JsonInput;
import fr.competences.referential.ItemKind;
import fr.competences.referential.ReferentielTree.Item;
import fr.competences.referential.ReferentielTree;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.io.Reader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

/**
 * 1EdTech CASE 1.0 CFPackage JSON (https://www.imsglobal.org/spec/case/v1p0/): the canonical export of a
 * référentiel. Each item is a CFItem whose {@code humanCodingScheme} is our code; the hierarchy is one
 * {@code isChildOf} CFAssociation per item, from the child to its parent (top-level blocs: to the
 * CFDocument). The level (bloc, compétence, savoir-faire) is the depth in that hierarchy; the CFItemType
 * written is informative and ignored on import. The BTS SIO option travels as the concept keyword
 * {@code option:SLAM} / {@code option:SISR}.
 */
public final class CaseFormat {

    static final String IS_CHILD_OF = "isChildOf";
    static final String OPTION_KEYWORD = "option:";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private CaseFormat() {
    }

    /** The same tree, base URL and date always give the same text. */
    public static String write(ReferentielTree tree, String baseUrl, Instant lastChange) {
        String base = baseUrl.replaceAll("/+$", "");
        return pretty(new CaseExport(tree, base, TIMESTAMP.format(lastChange.atOffset(ZoneOffset.UTC))).cfPackage());
    }

    /**
     * Reads a CFPackage; a file with any problem is rejected whole, every problem listed with its location.
     *
     * @param code the référentiel code; when blank, derived from the CFDocument title
     */
    public static ReferentielTree read(Reader json, String code) {
        Problems problems = new Problems();
        CaseImport file = new CaseImport(parseObject(json), problems);
        file.readDocument();
        file.readItems();
        file.readAssociations();
        Hierarchy.check(file.nodes, problems);
        problems.throwIfAny();
        ReferentielTree tree = file.tree(code);
        TreeRules.check(tree, problems);
        problems.throwIfAny();
        return tree;
    }

    private static String pretty(JsonObject json) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(text)) {
            writer.write(json);
        }
        return text.toString().strip() + "\n";
    }

    /** Item types are shared by every référentiel of the tool, hence a fixed name. */
    static UUID itemTypeIdentifier(ItemKind kind) {
        return CaseIds.nameBased(CaseIds.URL_NAMESPACE, "competences-lti:CFItemType:" + kind.name());
    }

    static UUID associationIdentifier(Item child) {
        return CaseIds.nameBased(child.caseIdentifier(), IS_CHILD_OF);
    }

    private static JsonObject parseObject(Reader json) {
        JsonValue root;
        try {
            root = JsonInput.read(json);
        } catch (JsonParsingException e) {
            throw InvalidReferentielException.single(where(e.getLocation()),
                    "JSON mal formé : vérifiez les virgules, guillemets, crochets et accolades à cet endroit "
                            + "(détail du lecteur JSON, en anglais : " + e.getMessage() + ").",
                    "Malformed JSON: check commas, quotes, brackets and braces at this place (" + e.getMessage() + ").");
        } catch (JsonException e) {
            throw InvalidReferentielException.single("fichier", "Fichier illisible (détail du lecteur JSON, en anglais : " + e.getMessage() + ").",
                    "Unreadable file: " + e.getMessage());
        }
        if (root.getValueType() != JsonValue.ValueType.OBJECT) {
            throw InvalidReferentielException.single("racine",
                    "Le fichier doit contenir un objet JSON CFPackage : {\"CFDocument\": {…}, \"CFItems\": […], "
                            + "\"CFAssociations\": […]}.",
                    "The file must hold a CFPackage JSON object: {\"CFDocument\": {…}, \"CFItems\": […], "
                            + "\"CFAssociations\": […]}.");
        }
        return root.asJsonObject();
    }

    private static String where(JsonLocation location) {
        return location == null ? "fichier"
                : "ligne " + location.getLineNumber() + ", colonne " + location.getColumnNumber();
    }
}
