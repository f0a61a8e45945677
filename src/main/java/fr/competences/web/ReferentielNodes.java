package fr.competences.web;

import fr.competences.referential.ItemKind;
import fr.competences.referential.ItemOption;
import fr.competences.referential.ReferentielTree;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A référentiel tree as the templates show it (the home page's tree, the skill picker of activities). */
final class ReferentielNodes {

    private ReferentielNodes() {
    }

    static List<Map<String, Object>> blocs(ReferentielTree tree, boolean english) {
        return tree.blocs().stream().map(bloc -> node(bloc, english)).toList();
    }

    private static Map<String, Object> node(ReferentielTree.Item item, boolean english) {
        Map<String, Object> node = new HashMap<>();
        node.put("code", item.code());
        // Blocs carry a short title ("Support et mise à disposition…") beside the official one.
        node.put("title", item.displayTitle());
        node.put("fullTitle", item.title());
        node.put("kind", item.kind().label(english));
        node.put("kindClass", item.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        node.put("option", item.option().name());
        node.put("optionSpecific", item.option() != ItemOption.COMMON);
        node.put("leaf", item.kind() == ItemKind.SAVOIR_FAIRE);
        node.put("count", item.children().size());
        node.put("children", item.children().stream().map(child -> node(child, english)).toList());
        return node;
    }
}
