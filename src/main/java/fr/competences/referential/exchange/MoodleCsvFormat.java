package fr.competences.referential.exchange;

import fr.competences.referential.ItemKind;
import fr.competences.referential.ItemOption;
import fr.competences.referential.ReferentielTree;
import fr.competences.referential.ReferentielTree.Item;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The competency framework CSV of Moodle's {@code tool_lpimportcsv} (Site administration > Competencies >
 * Import competency framework), so that schools using Moodle competencies can mirror a référentiel.
 * One framework row, then one row per item linked to its parent by ID number (our codes); Moodle's
 * 4-level scale is written with "Acquis" and "Maîtrisé" as proficient.
 *
 * <p>Kept through an export and import: codes, titles (a title over 100 characters is cut in
 * {@code Short name} and restored from {@code Description}), hierarchy and order. Not carried by this
 * format: BTS SIO options (read back as {@link ItemOption#COMMON}), short titles, version, source URL
 * and CASE identifiers (derived again from the framework ID number and the codes).
 */
public final class MoodleCsvFormat {

    private static final String PARENT_ID = "Parent ID number";
    private static final String ID = "ID number";
    private static final String SHORT_NAME = "Short name";
    private static final String DESCRIPTION = "Description";
    private static final String IS_FRAMEWORK = "Is framework";
    static final List<String> HEADERS = List.of(PARENT_ID, ID, SHORT_NAME, DESCRIPTION, "Description format",
            "Scale values", "Scale configuration", "Rule type (optional)", "Rule outcome (optional)",
            "Rule config (optional)", "Cross-referenced competency ID numbers", "Exported ID (optional)",
            IS_FRAMEWORK, "Taxonomy");

    /** As Moodle's own export: every field quoted, LF line ends. */
    private static final CSVFormat WRITTEN = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL)
            .setRecordSeparator('\n').get();
    /** Moodle caps short names at 100 characters. */
    private static final int MAX_SHORT_NAME = 100;
    private static final String HTML = "1";
    private static final String SCALE_VALUES = "Non acquis,En cours d'acquisition,Acquis,Maîtrisé";
    private static final String SCALE_CONFIGURATION = "[{\"scaleid\":\"0\"},"
            + "{\"id\":1,\"scaledefault\":0,\"proficient\":0},{\"id\":2,\"scaledefault\":0,\"proficient\":0},"
            + "{\"id\":3,\"scaledefault\":1,\"proficient\":1},{\"id\":4,\"scaledefault\":0,\"proficient\":1}]";
    private static final String TAXONOMY = "domain,competency,skill";
    /** A parent is complete when all its children are; outcome 2 = mark it complete. */
    private static final String RULE_ALL = "core_competency\\competency_rule_all";
    private static final String RULE_OUTCOME_COMPLETE = "2";

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|#39|nbsp);");
    private static final Map<String, String> ENTITIES = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "#39", "'", "nbsp", " ");

    private MoodleCsvFormat() {
    }

    /** UTF-8 text without BOM, every field quoted, {@code \n} line ends; parents precede their children. */
    public static String write(ReferentielTree tree) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = WRITTEN.print(csv)) {
            printer.printRecord(HEADERS);
            printer.printRecord("", tree.code(), cut(tree.title(), MAX_SHORT_NAME), escapeHtml(tree.description()),
                    HTML, SCALE_VALUES, SCALE_CONFIGURATION, "", "", "", "", "", "1", TAXONOMY);
            for (Item bloc : tree.blocs()) {
                printItem(printer, bloc, "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return csv.toString();
    }

    /**
     * Reads a framework exported by Moodle or by {@link #write}; a file with any problem is rejected whole,
     * every problem listed with its line.
     *
     * @param code the référentiel code; when blank, derived from the framework's title
     */
    public static ReferentielTree read(Reader csv, String code) {
        Problems problems = new Problems();
        List<CsvReader.Row> rows = CsvReader.rows(readAll(csv), problems);
        problems.throwIfAny(); // after an unterminated quote, the rest of the file is one field: nothing else is reliable
        Import file = new Import(rows, problems);
        if (!file.readHeader()) {
            problems.throwIfAny(); // rows cannot be read without every column
        }
        file.readRows();
        Hierarchy.check(file.nodes, problems);
        problems.throwIfAny();
        ReferentielTree tree = file.tree(code);
        TreeRules.check(tree, problems);
        problems.throwIfAny();
        return tree;
    }

    private static void printItem(CSVPrinter printer, Item item, String parentCode) throws IOException {
        boolean hasRule = item.kind() != ItemKind.SAVOIR_FAIRE;
        printer.printRecord(parentCode, item.code(), shortName(item.title()), escapeHtml(item.title()), HTML,
                "", "", hasRule ? RULE_ALL : "", hasRule ? RULE_OUTCOME_COMPLETE : "", "null", "", "", "0", "");
        for (Item child : item.children()) {
            printItem(printer, child, item.code());
        }
    }

    /** A title longer than Moodle allows is cut and marked with "…"; the full title goes in Description. */
    private static String shortName(String title) {
        return length(title) <= MAX_SHORT_NAME ? title : cut(title, MAX_SHORT_NAME - 1).strip() + "…";
    }

    private static String cut(String text, int max) {
        return length(text) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Description format 1 is HTML: our plain text must not be read as markup. */
    private static String escapeHtml(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Plain text of an HTML description: tags dropped, common entities decoded, whitespace collapsed. */
    private static String htmlToText(String html) {
        String text = TAG.matcher(html).replaceAll(" ");
        text = ENTITY.matcher(text).replaceAll(entity -> Matcher.quoteReplacement(ENTITIES.get(entity.group(1))));
        return text.replaceAll("\\s+", " ").strip();
    }

    /** The short name, unless it was cut and the description holds the full title. */
    private static String title(String shortName, String description) {
        String full = htmlToText(description);
        boolean wasCut = shortName.endsWith("…") || shortName.endsWith("...");
        return wasCut && !full.isEmpty() ? full : shortName;
    }

    private static String readAll(Reader csv) {
        StringWriter text = new StringWriter();
        try {
            csv.transferTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Checks the header and rows of one file, collecting problems; builds the tree only from a file without any. */
    private static final class Import {

        private final List<CsvReader.Row> rows;
        private final Problems problems;
        private final Map<String, Integer> columns = new HashMap<>();
        private final List<Hierarchy.Node> nodes = new ArrayList<>();
        private CsvReader.Row framework;
        private int width;

        Import(List<CsvReader.Row> rows, Problems problems) {
            this.rows = rows;
            this.problems = problems;
        }

        /** Reports unknown, repeated and missing columns; true when every required column is present. */
        boolean readHeader() {
            if (rows.isEmpty()) {
                problems.add("ligne 1", "Fichier vide : exportez le référentiel depuis Moodle ou depuis cet outil.",
                        "Empty file: export the framework from Moodle or from this tool.");
                return false;
            }
            List<String> header = rows.getFirst().fields();
            width = header.size();
            for (int i = 0; i < header.size(); i++) {
                readHeader(header.get(i).strip(), i);
            }
            List<String> missing = HEADERS.stream().filter(name -> !columns.containsKey(name)).toList();
            if (!missing.isEmpty()) {
                problems.add("ligne 1", "Colonne(s) manquante(s) : " + String.join(", ", missing)
                                + ". La première ligne doit contenir les 14 en-têtes de l'export Moodle : "
                                + String.join(", ", HEADERS) + ".",
                        "Missing column(s): " + String.join(", ", missing)
                                + ". The first line must hold the 14 headers of Moodle's export: "
                                + String.join(", ", HEADERS) + ".");
            }
            return missing.isEmpty();
        }

        private void readHeader(String name, int index) {
            if (!HEADERS.contains(name)) {
                problems.add("ligne 1", "Colonne inconnue « " + name + " » : utilisez les en-têtes anglais de "
                                + "l'export Moodle, à l'identique.",
                        "Unknown column \"" + name + "\": use the English headers of Moodle's export, exactly.");
            } else if (columns.putIfAbsent(name, index) != null) {
                problems.add("ligne 1", "Colonne « " + name + " » en double : gardez-en une seule.",
                        "Column \"" + name + "\" appears twice: keep only one.");
            }
        }

        void readRows() {
            List<CsvReader.Row> items = new ArrayList<>();
            for (CsvReader.Row row : rows.subList(1, rows.size())) {
                if (row.fields().size() != width) {
                    problems.add(row.location(), row.fields().size() + " colonnes au lieu de " + width
                                    + " : vérifiez les séparateurs et les guillemets de cette ligne.",
                            row.fields().size() + " columns instead of " + width
                                    + ": check the delimiters and quotes of this line.");
                } else if (isTruthy(get(row, IS_FRAMEWORK))) {
                    readFramework(row);
                } else {
                    items.add(row);
                }
            }
            if (framework == null) {
                problems.add("ligne 2", "Aucune ligne de référentiel : ajoutez après l'en-tête une ligne dont "
                                + "« Is framework » vaut 1, avec l'ID number et le Short name du référentiel.",
                        "No framework row: add after the header a row whose \"Is framework\" is 1, with the "
                                + "framework's ID number and Short name.");
            }
            readItems(items);
        }

        private void readFramework(CsvReader.Row row) {
            if (framework != null) {
                problems.add(row.location(), "Deuxième ligne de référentiel (Is framework = 1 ; la première est "
                                + framework.location() + ") : un fichier décrit un seul référentiel ; "
                                + "mettez 0 pour une compétence.",
                        "Second framework row (Is framework = 1; the first is at " + framework.location()
                                + "): a file describes a single framework; use 0 for a competency.");
                return;
            }
            framework = row;
            requireIdNumber(row, "du référentiel (ex. BTS-SIO-2019-SLAM)", "of the framework (e.g. BTS-SIO-2019-SLAM)");
            requireShortName(row);
        }

        private void readItems(List<CsvReader.Row> items) {
            Map<String, Hierarchy.Node> byCode = new HashMap<>();
            Map<Hierarchy.Node, CsvReader.Row> rowOf = new HashMap<>();
            UUID document = documentIdentifier();
            for (int i = 0; i < items.size(); i++) {
                CsvReader.Row row = items.get(i);
                String id = requireIdNumber(row, "de la compétence (ex. B1.1.1) : les lignes enfants y font "
                        + "référence", "of the competency (e.g. B1.1.1): child rows refer to it");
                String shortName = requireShortName(row);
                if (id == null) {
                    continue;
                }
                Hierarchy.Node node = new Hierarchy.Node(row.location(), i, id, title(shortName, get(row, DESCRIPTION)),
                        null, ItemOption.COMMON, CaseIds.nameBased(document, id));
                Hierarchy.Node same = byCode.putIfAbsent(id, node);
                if (same != null) {
                    problems.add(row.location(), "ID number « " + id + " » en double (déjà " + same.location
                                    + ") : chaque compétence a son propre ID number.",
                            "Duplicate ID number \"" + id + "\" (already at " + same.location
                                    + "): each competency has its own ID number.");
                    continue;
                }
                nodes.add(node);
                rowOf.put(node, row);
            }
            for (Hierarchy.Node node : nodes) {
                linkParent(node, get(rowOf.get(node), PARENT_ID).strip(), byCode);
            }
        }

        /** Rows may come in any order, so parents are resolved once every row is read. */
        private void linkParent(Hierarchy.Node node, String parentId, Map<String, Hierarchy.Node> byCode) {
            node.topLevel = parentId.isEmpty();
            node.parent = byCode.get(parentId);
            if (!node.topLevel && node.parent == null) {
                problems.add(node.location, "Parent « " + parentId + " » introuvable : aucune ligne n'a cet ID number ; "
                                + "corrigez le Parent ID number ou ajoutez la ligne du parent.",
                        "Parent \"" + parentId + "\" not found: no row has this ID number; fix the Parent ID number "
                                + "or add the parent's row.");
            }
        }

        private String requireIdNumber(CsvReader.Row row, String whatFr, String whatEn) {
            String id = get(row, ID).strip();
            if (id.isEmpty()) {
                problems.add(row.location(), "ID number manquant : indiquez l'ID number " + whatFr + ".",
                        "Missing ID number: give the ID number " + whatEn + ".");
                return null;
            }
            return id;
        }

        private String requireShortName(CsvReader.Row row) {
            String shortName = get(row, SHORT_NAME).strip();
            if (shortName.isEmpty()) {
                problems.add(row.location(), "Short name vide : indiquez l'intitulé (" + MAX_SHORT_NAME
                                + " caractères au plus, le texte complet pouvant aller dans Description).",
                        "Empty Short name: give the title (at most " + MAX_SHORT_NAME
                                + " characters; the full text may go in Description).");
            }
            return shortName;
        }

        /** Stable across imports of the same framework: derived from its ID number. */
        private UUID documentIdentifier() {
            String id = framework == null ? "" : get(framework, ID).strip();
            return CaseIds.nameBased(CaseIds.URL_NAMESPACE, "moodle-csv:" + id);
        }

        ReferentielTree tree(String code) {
            String title = title(get(framework, SHORT_NAME).strip(), get(framework, DESCRIPTION));
            String description = htmlToText(get(framework, DESCRIPTION));
            return new ReferentielTree(code == null || code.isBlank() ? TreeRules.slug(title) : code, title,
                    description.isEmpty() ? null : description, null, null, "fr", documentIdentifier(), false,
                    Hierarchy.blocs(nodes));
        }

        private String get(CsvReader.Row row, String header) {
            return row.fields().get(columns.get(header));
        }

        /** As PHP reads the column: anything but empty and "0". */
        private static boolean isTruthy(String value) {
            return !value.isBlank() && !value.strip().equals("0");
        }
    }
}
