package fr.competences.referential.exchange;

import fr.competences.referential.ItemKind;
import fr.competences.referential.ItemOption;
import fr.competences.referential.ReferentielTree.Item;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Items that a file lists flat, each with a link to its parent (CASE associations, Moodle CSV parent
 * column): checks that the links form a tree at most {@link ItemKind#MAX_DEPTH} levels deep, then
 * assembles it. Each format resolves the links itself, because a missing parent means different things
 * (CASE: an error; Moodle CSV: a top-level item).
 */
final class Hierarchy {

    /** Depth of an item under a cycle or a detached item: its problem is reported on that item. */
    private static final int BROKEN = -1;
    private static final Comparator<Node> SIBLING_ORDER = Comparator
            .comparing((Node node) -> node.rank, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(node -> node.position);

    private Hierarchy() {
    }

    /** One item as read from the file; the format sets {@link #parent} or {@link #topLevel} once links are resolved. */
    static final class Node {
        final String location;
        final int position;
        final String code;
        final String title;
        final String shortTitle;
        final ItemOption option;
        final UUID caseIdentifier;
        Node parent;
        boolean topLevel;
        /** Explicit order among siblings given by the file, or null. */
        Integer rank;
        private int depth;
        private boolean onPath;

        /**
         * @param location where the item sits in the file, for problems ("ligne 12")
         * @param position file order, the last sort key among siblings
         */
        Node(String location, int position, String code, String title, String shortTitle,
                ItemOption option, UUID caseIdentifier) {
            this.location = location;
            this.position = position;
            this.code = code;
            this.title = title;
            this.shortTitle = shortTitle;
            this.option = option;
            this.caseIdentifier = caseIdentifier;
        }

        String label() {
            return code == null ? location : code;
        }
    }

    /** Reports every cycle once and every item placed at level 4. */
    static void check(List<Node> nodes, Problems problems) {
        for (Node node : nodes) {
            resolveDepth(node, problems);
        }
    }

    /** The blocs, siblings in file order; call only when {@link #check} found nothing. */
    static List<Item> blocs(List<Node> nodes) {
        Map<Node, List<Node>> children = new IdentityHashMap<>();
        List<Node> roots = new ArrayList<>();
        for (Node node : nodes) {
            (node.topLevel ? roots : children.computeIfAbsent(node.parent, key -> new ArrayList<>())).add(node);
        }
        return build(roots, children);
    }

    private static List<Item> build(List<Node> siblings, Map<Node, List<Node>> children) {
        return siblings.stream().sorted(SIBLING_ORDER)
                .map(node -> new Item(ItemKind.atDepth(node.depth), node.code, node.title, node.shortTitle,
                        node.option, node.caseIdentifier, build(children.getOrDefault(node, List.of()), children)))
                .toList();
    }

    /** Walks up to the first item of known depth, a top-level item, a detached item or a cycle. */
    private static void resolveDepth(Node start, Problems problems) {
        List<Node> path = new ArrayList<>();
        Node node = start;
        int base;
        while (true) {
            if (node.depth != 0) {
                base = node.depth;
                break;
            }
            if (node.onPath) {
                reportCycle(path.subList(path.indexOf(node), path.size()), problems);
                base = BROKEN;
                break;
            }
            node.onPath = true;
            path.add(node);
            if (node.topLevel || node.parent == null) {
                base = node.topLevel ? 0 : BROKEN;
                break;
            }
            node = node.parent;
        }
        assignDepths(path, base, problems);
    }

    private static void assignDepths(List<Node> path, int base, Problems problems) {
        int depth = base;
        for (int i = path.size() - 1; i >= 0; i--) {
            Node node = path.get(i);
            node.onPath = false;
            if (node.depth == 0) {
                depth = depth == BROKEN ? BROKEN : depth + 1;
                node.depth = depth;
                if (depth == ItemKind.MAX_DEPTH + 1) {
                    reportTooDeep(node, problems);
                }
            }
        }
    }

    private static void reportCycle(List<Node> cycle, Problems problems) {
        Node first = cycle.stream().min(Comparator.comparingInt(node -> node.position)).orElseThrow();
        StringBuilder chain = new StringBuilder(first.label());
        Node node = first;
        do {
            node = node.parent;
            chain.append(" → ").append(node.label());
        } while (node != first);
        for (Node member : cycle) {
            member.depth = BROKEN;
        }
        problems.add(first.location,
                "Boucle dans la hiérarchie (" + chain + ") : un élément ne peut pas être son propre ancêtre ; "
                        + "corrigez le parent de l'un d'eux.",
                "Cycle in the hierarchy (" + chain + "): an item cannot be its own ancestor; fix the parent of one of them.");
    }

    private static void reportTooDeep(Node node, Problems problems) {
        problems.add(node.location,
                "Niveau 4 : " + node.label() + " est rangé sous le savoir-faire " + node.parent.label()
                        + " ; un référentiel a au plus 3 niveaux (bloc > compétence > savoir-faire) : "
                        + "rattachez-le à une compétence.",
                "Level 4: " + node.label() + " is placed under the skill " + node.parent.label()
                        + "; a framework has at most 3 levels (block > competency > skill): attach it to a competency.");
    }
}
