package fr.competences.referential.exchange;

import fr.competences.referential.ItemKind;
import fr.competences.referential.ItemOption;
import fr.competences.referential.ReferentielTree;
import fr.competences.referential.ReferentielTree.Item;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the project's structured référentiel files ({@code schema: bts-sio-referentiel/v1}, as in
 * {@code shared/referentiel/}): blocks > activities (our compétences) > competencies (our
 * savoir-faire). Titles are taken verbatim: the file already carries the seed's wording with its two
 * typo fixes.
 */
public final class BtsSioJsonFormat {

    public static final String SCHEMA = "bts-sio-referentiel/v1";

    private BtsSioJsonFormat() {
    }

    public static ReferentielTree read(InputStream json, String code, String title) {
        JsonObject root;
        try (JsonReader reader = Json.createReader(json)) {
            root = reader.readObject();
        }
        if (!SCHEMA.equals(root.getString("schema", null))) {
            throw InvalidReferentielException.single("schema", "Format attendu : " + SCHEMA + ".",
                    "Expected format: " + SCHEMA + ".");
        }
        UUID document = CaseIds.nameBased(CaseIds.URL_NAMESPACE, root.getString("source") + "#" + code);
        List<Item> blocs = new ArrayList<>();
        for (JsonValue value : root.getJsonArray("blocks")) {
            blocs.add(bloc(value.asJsonObject(), document));
        }
        ReferentielTree tree = new ReferentielTree(code, title,
                root.getString("diplome") + " — " + root.getString("referentiel"),
                "2019", root.getString("source"), "fr", document, true, blocs);
        Problems problems = new Problems();
        TreeRules.check(tree, problems);
        problems.throwIfAny();
        return tree;
    }

    private static Item bloc(JsonObject block, UUID document) {
        ItemOption option = ItemOption.parse(block.getString("option", null));
        List<Item> competences = new ArrayList<>();
        for (JsonValue value : block.getJsonArray("activities")) {
            competences.add(competence(value.asJsonObject(), option, document));
        }
        return item(ItemKind.BLOC, block, option, document, block.getString("short_title", null), competences);
    }

    private static Item competence(JsonObject activity, ItemOption blocOption, UUID document) {
        // A common bloc may hold one option-specific compétence; the file marks it in its heading, e.g. "(SLAM)".
        String title = activity.getString("title");
        ItemOption option = blocOption;
        for (ItemOption candidate : List.of(ItemOption.SLAM, ItemOption.SISR)) {
            if (title.endsWith("(" + candidate.name() + ")")) {
                option = candidate;
            }
        }
        List<Item> savoirFaire = new ArrayList<>();
        JsonArray competencies = activity.getJsonArray("competencies");
        for (JsonValue value : competencies) {
            savoirFaire.add(item(ItemKind.SAVOIR_FAIRE, value.asJsonObject(), option, document, null, List.of()));
        }
        return item(ItemKind.COMPETENCE, activity, option, document, null, savoirFaire);
    }

    private static Item item(ItemKind kind, JsonObject source, ItemOption option, UUID document, String shortTitle,
            List<Item> children) {
        String code = source.getString("code");
        return new Item(kind, code, source.getString("title"), shortTitle, option,
                CaseIds.nameBased(document, code), children);
    }
}
