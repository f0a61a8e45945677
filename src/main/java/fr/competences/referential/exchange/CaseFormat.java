package fr.competences.referential.exchange;

import fr.competences.referential.ItemKind;
import fr.competences.referential.ItemOption;
import fr.competences.referential.ReferentielTree;
import fr.competences.referential.ReferentielTree.Item;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    private static final String IS_CHILD_OF = "isChildOf";
    private static final String OPTION_KEYWORD = "option:";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private CaseFormat() {
    }

    /** The same tree, base URL and date always give the same text. */
    public static String write(ReferentielTree tree, String baseUrl, Instant lastChange) {
        String base = baseUrl.replaceAll("/+$", "");
        return pretty(new Export(tree, base, TIMESTAMP.format(lastChange.atOffset(ZoneOffset.UTC))).cfPackage());
    }

    /**
     * Reads a CFPackage; a file with any problem is rejected whole, every problem listed with its location.
     *
     * @param code the référentiel code; when blank, derived from the CFDocument title
     */
    public static ReferentielTree read(Reader json, String code) {
        Problems problems = new Problems();
        Import file = new Import(parseObject(json), problems);
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
        try (JsonReader reader = Json.createReader(json)) {
            root = reader.read();
        } catch (JsonParsingException e) {
            throw InvalidReferentielException.single(where(e.getLocation()),
                    "JSON mal formé : vérifiez les virgules, guillemets, crochets et accolades à cet endroit ("
                            + e.getMessage() + ").",
                    "Malformed JSON: check commas, quotes, brackets and braces at this place (" + e.getMessage() + ").");
        } catch (JsonException e) {
            throw InvalidReferentielException.single("fichier", "Fichier illisible : " + e.getMessage(),
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

    /** Writes one tree; objects are linked by URIs of the form {@code <base>/case/<type>/<identifier>}. */
    private record Export(ReferentielTree tree, String base, String changed) {

        JsonObject cfPackage() {
            JsonArrayBuilder items = Json.createArrayBuilder();
            JsonArrayBuilder associations = Json.createArrayBuilder();
            addAll(tree.blocs(), documentLink(), items, associations);
            return Json.createObjectBuilder()
                    .add("CFDocument", document())
                    .add("CFItems", items)
                    .add("CFAssociations", associations)
                    .add("CFDefinitions", Json.createObjectBuilder().add("CFItemTypes", itemTypes()))
                    .build();
        }

        private void addAll(List<Item> siblings, JsonObject parent, JsonArrayBuilder items,
                JsonArrayBuilder associations) {
            for (int i = 0; i < siblings.size(); i++) {
                Item item = siblings.get(i);
                items.add(item(item, i + 1));
                associations.add(isChildOf(item, i + 1, parent));
                addAll(item.children(), link(item.title(), item.caseIdentifier(), "CFItems"), items, associations);
            }
        }

        private JsonObject document() {
            JsonObjectBuilder document = Json.createObjectBuilder()
                    .add("identifier", tree.caseIdentifier().toString())
                    .add("uri", documentUri())
                    .add("creator", "Compétences LTI")
                    .add("title", tree.title());
            addIfPresent(document, "description", tree.description());
            addIfPresent(document, "version", tree.version());
            addIfPresent(document, "officialSourceURL", tree.sourceUrl());
            addIfPresent(document, "language", tree.language());
            return document
                    .add("adoptionStatus", "Adopted")
                    .add("lastChangeDateTime", changed)
                    .add("CFPackageURI", documentLink())
                    .build();
        }

        private JsonObject item(Item item, int position) {
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("identifier", item.caseIdentifier().toString())
                    .add("uri", uri("CFItems", item.caseIdentifier()))
                    .add("fullStatement", item.title());
            addIfPresent(json, "abbreviatedStatement", item.shortTitle());
            json.add("humanCodingScheme", item.code())
                    .add("listEnumeration", String.valueOf(position))
                    .add("CFItemType", item.kind().label(false))
                    .add("CFItemTypeURI", itemTypeLink(item.kind()));
            if (item.option() != ItemOption.COMMON) {
                json.add("conceptKeywords", Json.createArrayBuilder().add(OPTION_KEYWORD + item.option().name()));
            }
            addIfPresent(json, "language", tree.language());
            return json.add("lastChangeDateTime", changed).build();
        }

        private JsonObject isChildOf(Item child, int position, JsonObject parent) {
            UUID identifier = associationIdentifier(child);
            return Json.createObjectBuilder()
                    .add("identifier", identifier.toString())
                    .add("uri", uri("CFAssociations", identifier))
                    .add("associationType", IS_CHILD_OF)
                    .add("sequenceNumber", position)
                    .add("originNodeURI", link(child.title(), child.caseIdentifier(), "CFItems"))
                    .add("destinationNodeURI", parent)
                    .add("lastChangeDateTime", changed)
                    .build();
        }

        private JsonArrayBuilder itemTypes() {
            JsonArrayBuilder types = Json.createArrayBuilder();
            for (ItemKind kind : ItemKind.values()) {
                UUID identifier = itemTypeIdentifier(kind);
                types.add(Json.createObjectBuilder()
                        .add("identifier", identifier.toString())
                        .add("uri", uri("CFItemTypes", identifier))
                        .add("title", kind.label(false))
                        .add("description", kind.label(false) + " : niveau " + kind.depth() + " du référentiel")
                        .add("hierarchyCode", String.valueOf(kind.depth()))
                        .add("lastChangeDateTime", changed));
            }
            return types;
        }

        private JsonObject documentLink() {
            return Json.createObjectBuilder()
                    .add("title", tree.title())
                    .add("identifier", tree.caseIdentifier().toString())
                    .add("uri", documentUri())
                    .build();
        }

        private JsonObject itemTypeLink(ItemKind kind) {
            return link(kind.label(false), itemTypeIdentifier(kind), "CFItemTypes");
        }

        private JsonObject link(String title, UUID identifier, String type) {
            return Json.createObjectBuilder()
                    .add("title", title)
                    .add("identifier", identifier.toString())
                    .add("uri", uri(type, identifier))
                    .build();
        }

        /** The document's public address in our API (its tree as JSON). */
        private String documentUri() {
            return base + "/api/referentiels/" + tree.code();
        }

        private String uri(String type, UUID identifier) {
            return base + "/case/" + type + "/" + identifier;
        }

        private static void addIfPresent(JsonObjectBuilder json, String name, String value) {
            if (value != null && !value.isBlank()) {
                json.add(name, value);
            }
        }
    }

    /** Reads one package, collecting problems; the tree is built only from a file without any. */
    private static final class Import {

        private final JsonObject root;
        private final Problems problems;
        private final List<Hierarchy.Node> nodes = new ArrayList<>();
        /** Every object an association may name: the items and, as a pseudo-node, the document. */
        private final Map<UUID, Hierarchy.Node> byIdentifier = new HashMap<>();
        private final Map<Hierarchy.Node, String> parentAssociation = new HashMap<>();
        private JsonObject document;
        private Hierarchy.Node documentNode;
        private JsonArray items;

        Import(JsonObject root, Problems problems) {
            this.root = root;
            this.problems = problems;
        }

        void readDocument() {
            if (!(root.get("CFDocument") instanceof JsonObject found)) {
                problems.add("CFDocument",
                        "Objet CFDocument manquant : ajoutez \"CFDocument\": {\"identifier\": \"<UUID>\", "
                                + "\"title\": \"…\"} à la racine du fichier.",
                        "Missing CFDocument object: add \"CFDocument\": {\"identifier\": \"<UUID>\", "
                                + "\"title\": \"…\"} at the root of the file.");
                return;
            }
            document = found;
            if (text(document, "title") == null) {
                problems.add("CFDocument", "Titre manquant : ajoutez le champ title au CFDocument.",
                        "Missing title: add the title field to the CFDocument.");
            }
            UUID identifier = identifier(document, "CFDocument");
            if (identifier != null) {
                documentNode = new Hierarchy.Node("CFDocument", -1, null, null, null, null, identifier);
                byIdentifier.put(identifier, documentNode);
            }
        }

        void readItems() {
            if (!(root.get("CFItems") instanceof JsonArray found)) {
                problems.add("CFItems", "Tableau CFItems manquant : ajoutez \"CFItems\": [ … ] avec un objet par "
                                + "bloc, compétence et savoir-faire.",
                        "Missing CFItems array: add \"CFItems\": [ … ] with one object per block, competency and skill.");
                return;
            }
            items = found;
            Map<String, String> codes = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                readItem(i, codes);
            }
        }

        private void readItem(int index, Map<String, String> codes) {
            String at = "CFItems[" + index + "]";
            if (!(items.get(index) instanceof JsonObject item)) {
                problems.add(at, "Chaque élément de CFItems doit être un objet CFItem {…}.",
                        "Each element of CFItems must be a CFItem object {…}.");
                return;
            }
            String code = text(item, "humanCodingScheme");
            String location = code == null ? at : at + " (" + code + ")";
            String title = text(item, "fullStatement");
            if (title == null) {
                problems.add(location, "Intitulé manquant : ajoutez le champ fullStatement.",
                        "Missing statement: add the fullStatement field.");
            }
            if (code == null) {
                problems.add(location, "Code manquant : ajoutez le champ humanCodingScheme (ex. B1.1.1) ; "
                                + "les codes identifient les éléments d'un import à l'autre.",
                        "Missing code: add the humanCodingScheme field (e.g. B1.1.1); codes identify items "
                                + "from one import to the next.");
            } else if (codes.putIfAbsent(code, location) != null) {
                problems.add(location, "Code en double : " + code + " est déjà utilisé par " + codes.get(code)
                                + " ; chaque humanCodingScheme doit être unique.",
                        "Duplicate code: " + code + " is already used by " + codes.get(code)
                                + "; each humanCodingScheme must be unique.");
            }
            UUID identifier = identifier(item, location);
            if (identifier != null) {
                Hierarchy.Node node = new Hierarchy.Node(location, index, code, title,
                        text(item, "abbreviatedStatement"), option(item, location), identifier);
                node.rank = listEnumeration(item);
                addNode(node);
            }
        }

        private void addNode(Hierarchy.Node node) {
            Hierarchy.Node same = byIdentifier.putIfAbsent(node.caseIdentifier, node);
            if (same != null) {
                problems.add(node.location, "Identifiant en double : " + node.caseIdentifier + " est déjà celui de "
                                + same.location + " ; donnez à chaque objet son propre UUID.",
                        "Duplicate identifier: " + node.caseIdentifier + " already belongs to " + same.location
                                + "; give each object its own UUID.");
                return;
            }
            nodes.add(node);
        }

        void readAssociations() {
            if (documentNode == null || items == null) {
                return; // links cannot be checked without both ends
            }
            if (!(root.get("CFAssociations") instanceof JsonArray associations)) {
                problems.add("CFAssociations", "Tableau CFAssociations manquant : la hiérarchie se décrit par une "
                                + "association isChildOf de chaque CFItem vers son parent (ou vers le CFDocument).",
                        "Missing CFAssociations array: the hierarchy is one isChildOf association from each CFItem "
                                + "to its parent (or to the CFDocument).");
                return;
            }
            for (int j = 0; j < associations.size(); j++) {
                readAssociation(associations.get(j), "CFAssociations[" + j + "]");
            }
            reportDetached();
        }

        private void readAssociation(JsonValue value, String at) {
            if (!(value instanceof JsonObject association)) {
                problems.add(at, "Chaque élément de CFAssociations doit être un objet CFAssociation {…}.",
                        "Each element of CFAssociations must be a CFAssociation object {…}.");
                return;
            }
            if (!IS_CHILD_OF.equals(text(association, "associationType"))) {
                return; // other relations (isRelatedTo, exactMatchOf...) do not shape the tree
            }
            Hierarchy.Node child = endpoint(association, "originNodeURI", at);
            Hierarchy.Node parent = endpoint(association, "destinationNodeURI", at);
            if (child == null || parent == null) {
                return;
            }
            if (child == documentNode) {
                problems.add(at, "originNodeURI désigne le CFDocument : l'origine d'un isChildOf est l'enfant, "
                                + "un CFItem ; la destination est son parent.",
                        "originNodeURI points to the CFDocument: the origin of an isChildOf is the child, a CFItem; "
                                + "the destination is its parent.");
                return;
            }
            attach(child, parent, association, at);
        }

        private void attach(Hierarchy.Node child, Hierarchy.Node parent, JsonObject association, String at) {
            String previous = parentAssociation.putIfAbsent(child, at);
            if (previous != null) {
                problems.add(at, child.label() + " a déjà un parent (" + previous + ") : un élément a une seule "
                                + "association isChildOf ; supprimez l'une des deux.",
                        child.label() + " already has a parent (" + previous + "): an item has a single isChildOf "
                                + "association; remove one of them.");
                return;
            }
            child.topLevel = parent == documentNode;
            child.parent = child.topLevel ? null : parent;
            if (association.get("sequenceNumber") instanceof JsonNumber number && number.isIntegral()) {
                child.rank = number.intValue(); // the association's order wins over the item's listEnumeration
            }
        }

        /** The item or document an end of an association names, or null after reporting why not. */
        private Hierarchy.Node endpoint(JsonObject association, String end, String at) {
            String id = association.get(end) instanceof JsonObject link ? text(link, "identifier") : null;
            if (id == null) {
                problems.add(at, "Champ " + end + ".identifier manquant : indiquez l'UUID de l'élément relié.",
                        "Missing " + end + ".identifier field: give the UUID of the linked item.");
                return null;
            }
            UUID identifier = uuidOrNull(id);
            Hierarchy.Node node = identifier == null ? null : byIdentifier.get(identifier);
            if (node == null) {
                problems.add(at, end + " désigne " + id + ", qui n'est ni un CFItem du fichier ni le CFDocument : "
                                + "corrigez l'identifiant ou ajoutez l'élément manquant.",
                        end + " points to " + id + ", which is neither a CFItem of the file nor the CFDocument: "
                                + "fix the identifier or add the missing item.");
            }
            return node;
        }

        private void reportDetached() {
            for (Hierarchy.Node node : nodes) {
                if (!parentAssociation.containsKey(node)) {
                    problems.add(node.location, node.label() + " n'est rattaché à rien : ajoutez une association "
                                    + "isChildOf de cet élément vers son parent (ou vers le CFDocument pour un bloc).",
                            node.label() + " is not attached: add an isChildOf association from this item to its "
                                    + "parent (or to the CFDocument for a block).");
                }
            }
        }

        ReferentielTree tree(String code) {
            String title = text(document, "title");
            String language = text(document, "language");
            return new ReferentielTree(code == null || code.isBlank() ? TreeRules.slug(title) : code, title,
                    text(document, "description"), text(document, "version"), text(document, "officialSourceURL"),
                    language == null ? "fr" : language, documentNode.caseIdentifier, false, Hierarchy.blocs(nodes));
        }

        private ItemOption option(JsonObject item, String location) {
            ItemOption option = ItemOption.COMMON;
            if (item.get("conceptKeywords") instanceof JsonArray keywords) {
                for (JsonValue keyword : keywords) {
                    if (keyword instanceof JsonString word && word.getString().startsWith(OPTION_KEYWORD)) {
                        option = parseOption(word.getString().substring(OPTION_KEYWORD.length()), location);
                    }
                }
            }
            return option;
        }

        private ItemOption parseOption(String label, String location) {
            try {
                return ItemOption.parse(label);
            } catch (IllegalArgumentException e) {
                problems.add(location, "Option inconnue « " + label + " » : utilisez option:SLAM ou option:SISR "
                                + "dans conceptKeywords (rien pour un élément commun).",
                        "Unknown option \"" + label + "\": use option:SLAM or option:SISR in conceptKeywords "
                                + "(nothing for a common item).");
                return ItemOption.COMMON;
            }
        }

        private UUID identifier(JsonObject json, String location) {
            String id = text(json, "identifier");
            UUID identifier = uuidOrNull(id);
            if (id == null) {
                problems.add(location, "Identifiant manquant : ajoutez le champ identifier, un UUID "
                                + "(ex. 0f8fad5b-d9cb-469f-a165-70867728950e).",
                        "Missing identifier: add the identifier field, a UUID (e.g. 0f8fad5b-d9cb-469f-a165-70867728950e).");
            } else if (identifier == null) {
                problems.add(location, "Identifiant « " + id + " » invalide : un identifiant CASE est un UUID "
                                + "(ex. 0f8fad5b-d9cb-469f-a165-70867728950e).",
                        "Invalid identifier \"" + id + "\": a CASE identifier is a UUID "
                                + "(e.g. 0f8fad5b-d9cb-469f-a165-70867728950e).");
            }
            return identifier;
        }
    }

    private static Integer listEnumeration(JsonObject item) {
        String value = text(item, "listEnumeration");
        return value != null && value.matches("\\d{1,9}") ? Integer.valueOf(value) : null;
    }

    /** A non-blank string field, trimmed, or null. */
    private static String text(JsonObject json, String name) {
        return json.get(name) instanceof JsonString value && !value.getString().isBlank()
                ? value.getString().strip() : null;
    }

    private static UUID uuidOrNull(String text) {
        if (text == null || !text.matches("\\p{XDigit}{8}-(\\p{XDigit}{4}-){3}\\p{XDigit}{12}")) {
            return null;
        }
        return UUID.fromString(text);
    }
}
