package fr.competences.gradebook.columns;

import fr.competences.assessment.ActivityView;
import fr.competences.gradebook.rules.ColumnMode;
import fr.competences.referential.ReferentielTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The competency columns a course needs, as a pure function of its activities: one per skill they assess, or one
 * per bloc holding such skills (found in each activity's référentiel). Columns come in the codes' natural order
 * (B1.2 before B1.10).
 */
final class ColumnPlan {

    /** Longest label kept: Moodle's gradebook shows the start of a column's name. */
    static final int LABEL_LENGTH = 200;

    /** A column: the code it stands for (its resourceId), its label, and the skill codes its mastery is read from. */
    record Column(String code, ColumnMode kind, String label, Set<String> skills) {
    }

    private ColumnPlan() {
    }

    static List<Column> of(ColumnMode mode, List<ActivityView> activities,
            Function<String, Optional<ReferentielTree>> trees) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (ActivityView activity : activities) {
            for (ActivityView.Skill skill : activity.skills()) {
                if (mode == ColumnMode.SKILL) {
                    columns.putIfAbsent(skill.code(), new Column(skill.code(), ColumnMode.SKILL,
                            label(skill.code(), skill.title()), Set.of(skill.code())));
                } else if (mode == ColumnMode.BLOCK) {
                    blocOf(trees.apply(activity.referentielCode()), skill.code()).ifPresent(bloc -> columns.merge(
                            bloc.code(), new Column(bloc.code(), ColumnMode.BLOCK, label(bloc.code(), bloc.displayTitle()),
                                    Set.of(skill.code())), ColumnPlan::union));
                }
            }
        }
        List<Column> ordered = new ArrayList<>(columns.values());
        ordered.sort(Comparator.comparing(Column::code, NATURAL));
        return ordered.stream().map(c -> new Column(c.code(), c.kind(), c.label(), sorted(c.skills()))).toList();
    }

    private static Optional<ReferentielTree.Item> blocOf(Optional<ReferentielTree> tree, String code) {
        return tree.flatMap(t -> t.blocs().stream()
                .filter(bloc -> bloc.flatten().anyMatch(item -> item.code().equals(code))).findFirst());
    }

    private static Column union(Column a, Column b) {
        Set<String> skills = new LinkedHashSet<>(a.skills());
        skills.addAll(b.skills());
        return new Column(a.code(), a.kind(), a.label(), skills);
    }

    private static Set<String> sorted(Set<String> codes) {
        return new LinkedHashSet<>(codes.stream().sorted(NATURAL).toList());
    }

    private static String label(String code, String title) {
        String label = title == null || title.isBlank() || title.equals(code) ? code : code + " " + title.strip();
        return label.length() <= LABEL_LENGTH ? label : label.substring(0, LABEL_LENGTH - 1) + "…";
    }

    private static final Pattern PARTS = Pattern.compile("\\d+|\\D+");

    /** Compares codes part by part, numbers as numbers: B1.2 < B1.10 < B2. */
    static final Comparator<String> NATURAL = (a, b) -> {
        Matcher left = PARTS.matcher(a);
        Matcher right = PARTS.matcher(b);
        while (left.find() && right.find()) {
            String x = left.group();
            String y = right.group();
            int order = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))
                    ? new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y)) : x.compareTo(y);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length(), b.length());
    };
}
