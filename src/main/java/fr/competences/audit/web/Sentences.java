package fr.competences.audit.web;

import fr.competences.audit.AuditLine;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The words a teacher reads for a line's plain values (codes, outcomes, kinds) and for the retention. */
final class Sentences {

    private Sentences() {
    }

    static String details(AuditLine line, Map<String, String> t) {
        String target = line.target() == null ? "" : line.target();
        String detail = line.detail() == null ? "" : line.detail();
        return switch (line.action()) {
            case LAUNCH -> "deep-linking".equals(target) ? t.get("audit_deep_linking") : "";
            case POSITIONS_CHANGED -> join(target, "comment".equals(detail) ? t.get("audit_comment") : "", " + ");
            case GRADE_SENT -> join(join(t.getOrDefault("audit_outcome_" + line.outcome(), line.outcome()),
                    detail.replace("withdrawn", t.get("audit_withdrawn")), " — "),
                    target.replace("column", t.get("audit_column")), " — ");
            case EVIDENCE_ADDED, EVIDENCE_REMOVED, EVIDENCE_DOWNLOADED -> evidence(target, detail, t);
            case TEACHER_RIGHTS_GRANTED, TEACHER_RIGHTS_REVOKED -> "";
            case EXPORT -> t.getOrDefault("audit_export_" + target.replaceAll("[^A-Za-z0-9]", "_"), target);
            default -> Stream.of(target, line.outcome(), detail).filter(s -> s != null && !s.isEmpty())
                    .collect(Collectors.joining(" — "));
        };
    }

    /** "fichier n° 12 (application/pdf, 1234 octets)". */
    private static String evidence(String target, String detail, Map<String, String> t) {
        String[] kindAndRest = detail.split(" ", 2);
        String kind = t.getOrDefault("audit_evidence_" + kindAndRest[0], "");
        String number = target.replace("evidence ", t.get("audit_number"));
        String rest = kindAndRest.length > 1 ? " (" + kindAndRest[1].replace("bytes", t.get("audit_bytes")) + ")" : "";
        return join(kind, number, " ") + rest;
    }

    /** P1Y → "1 an", P6M → "6 mois", P90D → "90 jours"; anything else as configured. */
    static String retention(String iso, Map<String, String> t) {
        try {
            Period period = Period.parse(iso);
            return Stream.of(unit(period.getYears(), "year", t), unit(period.getMonths(), "month", t),
                    unit(period.getDays(), "day", t)).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
        } catch (DateTimeParseException notAPeriod) {
            return iso;
        }
    }

    private static String unit(int count, String unit, Map<String, String> t) {
        return count == 0 ? "" : count + " " + t.get("audit_" + unit + (count > 1 ? "s" : ""));
    }

    private static String join(String a, String b, String separator) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + separator + b;
    }
}
