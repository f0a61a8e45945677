package fr.competences.progress;

import fr.competences.assessment.ActivityView;
import fr.competences.assessment.Mastery;
import fr.competences.assessment.MasteryRule;
import fr.competences.assessment.Scale;
import fr.competences.referential.ItemKind;
import fr.competences.referential.ReferentielTree;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A student's progress as a pure function of the course's activities, their référentiels, the scale, the mastery rule
 * and the student's positionings: each référentiel as blocs › compétences › savoir-faire, each skill an activity of
 * the course assesses with the student's mastery and its positionings, and per bloc how many of those skills are
 * proficient, below, or not positioned yet. A compétence's mastery is read from its own positionings only (as the
 * gradebook's skill columns), never from its savoir-faire.
 */
final class ProgressTree {

    private ProgressTree() {
    }

    /** A mastery; {@code points} null: never positioned (« Non évalué »). {@code level}: the level reached (colour). */
    public record SkillMastery(BigDecimal points, Integer level, String label, boolean proficient) {

        static final SkillMastery NONE = new SkillMastery(null, null, null, false);

        public boolean assessed() {
            return points != null;
        }

        static SkillMastery of(Scale scale, MasteryRule rule, List<Mastery.Rating> ratings, Locale locale) {
            return of(scale, rule, ratings, locale, new HashMap<>());
        }

        /**
         * The same, taken from {@code known} (masteries by points, of one scale and locale) when already made: a
         * class grid has thousands of cells and a handful of distinct masteries.
         */
        static SkillMastery of(Scale scale, MasteryRule rule, List<Mastery.Rating> ratings, Locale locale,
                Map<BigDecimal, SkillMastery> known) {
            return Mastery.points(rule, ratings).map(points -> known.computeIfAbsent(points, p -> new SkillMastery(p,
                    Mastery.reached(scale, p).map(Scale.Level::value).orElse(null), Mastery.label(scale, p, locale),
                    Mastery.proficient(scale, p)))).orElse(NONE);
        }
    }

    /** A positioning in one activity; {@code level} null: the activity assesses the skill, not positioned yet. */
    public record Positioning(long activityId, String activity, Integer level, String label, OffsetDateTime at) {
    }

    /**
     * A compétence or savoir-faire. {@code assessed}: an activity of the course assesses it; only then are
     * {@code mastery} and {@code positionings} (in time order, then the activities not positioned yet) given.
     */
    public record Skill(String code, String title, ItemKind kind, boolean assessed, SkillMastery mastery,
            List<Positioning> positionings, List<Skill> children) {

        Stream<Skill> flatten() {
            return Stream.concat(Stream.of(this), children.stream().flatMap(Skill::flatten));
        }
    }

    /**
     * Of a bloc's skills assessed in the course: how many are proficient, below, not positioned yet; and
     * {@code notInCourse}, the bloc's savoir-faire no activity of the course assesses (neither they nor their
     * compétence), so that a bloc with one skill assessed out of 24 never looks complete.
     */
    public record Counts(int proficient, int below, int notAssessed, int notInCourse) {

        public int total() {
            return proficient + below + notAssessed;
        }

        /** The bloc's size as a bar shows it: the skills assessed plus the savoir-faire left out of the course. */
        public int size() {
            return total() + notInCourse;
        }

        static Counts of(Stream<SkillMastery> masteries, int notInCourse) {
            int[] counts = new int[3];
            masteries.forEach(m -> counts[!m.assessed() ? 2 : m.proficient() ? 0 : 1]++);
            return new Counts(counts[0], counts[1], counts[2], notInCourse);
        }

        /** Savoir-faire (or childless compétences) no activity reaches, directly or through their compétence. */
        static int notInCourse(List<Skill> competences) {
            return competences.stream().filter(c -> !c.assessed()).mapToInt(c -> c.children().isEmpty() ? 1
                    : (int) c.children().stream().filter(child -> !child.assessed()).count()).sum();
        }
    }

    public record Bloc(String code, String title, Counts counts, List<Skill> competences) {
    }

    public record Referentiel(String code, String title, List<Bloc> blocs) {
    }

    /** The référentiels, and the assessed skills none of them holds any more (their code as title). */
    record Tree(List<Referentiel> referentiels, List<Skill> outside) {
    }

    /** A column group of the class grid: a bloc and its skills assessed in the course ({@code code} null: outside). */
    public record BlocColumns(String code, String title, List<Column> skills) {
    }

    public record Column(String code, String title) {
    }

    /** {@code ratings}: the student's positionings by skill code ({@link Mastery#ratings}). */
    static Tree of(List<ReferentielTree> trees, List<ActivityView> activities, Scale scale, MasteryRule rule,
            Map<String, List<Mastery.Rating>> ratings, Locale locale) {
        Map<String, List<ActivityView>> assessing = assessing(activities);
        Set<String> placed = new LinkedHashSet<>();
        List<Referentiel> referentiels = new ArrayList<>();
        for (ReferentielTree tree : trees) {
            List<Bloc> blocs = tree.blocs().stream().map(bloc -> {
                List<Skill> competences = bloc.children().stream()
                        .map(item -> skill(item, assessing, scale, rule, ratings, locale)).toList();
                competences.stream().flatMap(Skill::flatten).filter(Skill::assessed).forEach(s -> placed.add(s.code()));
                Counts counts = Counts.of(competences.stream().flatMap(Skill::flatten).filter(Skill::assessed)
                        .map(Skill::mastery), Counts.notInCourse(competences));
                return new Bloc(bloc.code(), bloc.displayTitle(), counts, competences);
            }).toList();
            referentiels.add(new Referentiel(tree.code(), tree.title(), blocs));
        }
        List<Skill> outside = new ArrayList<>();
        assessing.forEach((code, by) -> {
            if (!placed.contains(code)) {
                String title = by.getFirst().skills().stream().filter(s -> s.code().equals(code)).findFirst()
                        .map(ActivityView.Skill::title).orElse(code);
                outside.add(new Skill(code, title, null, true, mastery(code, scale, rule, ratings, locale),
                        positionings(code, assessing, ratings), List.of()));
            }
        });
        return new Tree(referentiels, outside);
    }

    /** The class grid's columns: per bloc, its skills assessed in the course in the référentiel's order. */
    static List<BlocColumns> columns(Tree tree) {
        List<BlocColumns> groups = new ArrayList<>();
        for (Referentiel referentiel : tree.referentiels()) {
            for (Bloc bloc : referentiel.blocs()) {
                List<Column> skills = bloc.competences().stream().flatMap(Skill::flatten).filter(Skill::assessed)
                        .map(s -> new Column(s.code(), s.title())).toList();
                if (!skills.isEmpty()) {
                    groups.add(new BlocColumns(bloc.code(), bloc.title(), skills));
                }
            }
        }
        if (!tree.outside().isEmpty()) {
            groups.add(new BlocColumns(null, null, tree.outside().stream().map(s -> new Column(s.code(), s.title()))
                    .toList()));
        }
        return groups;
    }

    /** Each skill code the activities assess, with the activities assessing it (in the course's order). */
    private static Map<String, List<ActivityView>> assessing(List<ActivityView> activities) {
        Map<String, List<ActivityView>> assessing = new LinkedHashMap<>();
        for (ActivityView activity : activities) {
            for (String code : activity.skillCodes()) {
                assessing.computeIfAbsent(code, c -> new ArrayList<>()).add(activity);
            }
        }
        return assessing;
    }

    private static Skill skill(ReferentielTree.Item item, Map<String, List<ActivityView>> assessing, Scale scale,
            MasteryRule rule, Map<String, List<Mastery.Rating>> ratings, Locale locale) {
        List<Skill> children = item.children().stream()
                .map(child -> skill(child, assessing, scale, rule, ratings, locale)).toList();
        boolean assessed = assessing.containsKey(item.code());
        return new Skill(item.code(), item.displayTitle(), item.kind(), assessed,
                assessed ? mastery(item.code(), scale, rule, ratings, locale) : null,
                assessed ? positionings(item.code(), assessing, ratings) : List.of(), children);
    }

    private static SkillMastery mastery(String code, Scale scale, MasteryRule rule,
            Map<String, List<Mastery.Rating>> ratings, Locale locale) {
        return SkillMastery.of(scale, rule, ratings.getOrDefault(code, List.of()), locale);
    }

    /** The skill's positionings oldest first, then the activities assessing it that have not positioned the student. */
    private static List<Positioning> positionings(String code, Map<String, List<ActivityView>> assessing,
            Map<String, List<Mastery.Rating>> ratings) {
        List<Mastery.Rating> rated = ratings.getOrDefault(code, List.of()).stream().sorted(Mastery.IN_TIME).toList();
        List<Positioning> positionings = new ArrayList<>(rated.stream().map(r -> new Positioning(r.activityId(),
                r.activityTitle(), r.level(), r.label(), r.at())).toList());
        Set<Long> positioned = new HashSet<>(rated.stream().map(Mastery.Rating::activityId).toList());
        assessing.getOrDefault(code, List.of()).stream().filter(a -> !positioned.contains(a.id()))
                .forEach(a -> positionings.add(new Positioning(a.id(), a.title(), null, null, null)));
        return positionings;
    }
}
