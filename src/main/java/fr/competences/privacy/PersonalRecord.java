package fr.competences.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the tool holds about one person, read in one transaction: the rows of {@link PersonalTables#ABOUT_A_STUDENT}
 * by table, the rows they refer to ({@code context}: courses, activities, gradebook columns, the teachers named as
 * authors), and the evidence files to put beside them. {@code courseId} is the course the export is limited to
 * (a teacher's), null for everything.
 */
record PersonalRecord(long userId, Long courseId, Instant readAt, Map<String, List<Map<String, Object>>> tables,
        Map<String, List<Map<String, Object>>> context, List<EvidenceFile> files) {

    /** A stored evidence file and its place in the archive. */
    record EvidenceFile(long evidenceId, String storageName, String entry, long size, String sha256) {
    }

    List<Map<String, Object>> rows(String table) {
        return tables.getOrDefault(table, List.of());
    }

    List<Map<String, Object>> contextRows(String name) {
        return context.getOrDefault(name, List.of());
    }

    Map<String, Object> user() {
        return rows("lti_user").getFirst();
    }
}
