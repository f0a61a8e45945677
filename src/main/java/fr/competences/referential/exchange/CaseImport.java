package fr.competences.referential.exchange;

import static fr.competences.referential.exchange.CaseFormat.IS_CHILD_OF;
import static fr.competences.referential.exchange.CaseFormat.OPTION_KEYWORD;

import fr.competences.referential.ItemOption;
import fr.competences.referential.ReferentielTree;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads one package, collecting problems; the tree is built only from a file without any. */
final class CaseImport {

    private final JsonObject root;
    private final Problems problems;
    final List<Hierarchy.Node> nodes = new ArrayList<>();
    /** Every object an association may name: the items and, as a pseudo-node, the document. */
    private final Map<UUID, Hierarchy.Node> byIdentifier = new HashMap<>();
    private final Map<Hierarchy.Node, String> parentAssociation = new HashMap<>();
    private JsonObject document;
    private Hierarchy.Node documentNode;
    private JsonArray items;

    CaseImport(JsonObject root, Problems problems) {
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
