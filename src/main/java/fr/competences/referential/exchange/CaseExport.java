package fr.competences.referential.exchange;

import static fr.competences.referential.exchange.CaseFormat.IS_CHILD_OF;
import static fr.competences.referential.exchange.CaseFormat.OPTION_KEYWORD;
import static fr.competences.referential.exchange.CaseFormat.associationIdentifier;
import static fr.competences.referential.exchange.CaseFormat.itemTypeIdentifier;

import fr.competences.referential.ItemKind;
import fr.competences.referential.ItemOption;
import fr.competences.referential.ReferentielTree;
import fr.competences.referential.ReferentielTree.Item;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.UUID;

/** Writes one tree; objects are linked by URIs of the form {@code <base>/case/<type>/<identifier>}. */
record CaseExport(ReferentielTree tree, String base, String changed) {

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
