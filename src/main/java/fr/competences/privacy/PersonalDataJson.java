package fr.competences.privacy;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The export's {@code data.json}: every row about the person, by table, as stored (column names of the database,
 * times in UTC), what those rows refer to, and the evidence files with their place in the archive. Written as a
 * stream.
 */
final class PersonalDataJson {

    static final String FORMAT = "competences-lti/personal-data/1";

    private PersonalDataJson() {
    }

    /** {@code missing}: evidence ids whose file could not be read (listed with {@code "included": false}). */
    static void write(PersonalRecord record, Set<Long> missing, OutputStream out) {
        JsonGenerator json = Json.createGenerator(out);
        json.writeStartObject()
                .write("format", FORMAT)
                .write("exportedAt", record.readAt().toString())
                .write("userId", record.userId());
        if (record.courseId() == null) {
            json.writeNull("course");
        } else {
            json.write("course", record.courseId());
        }
        tables(json, "tables", record.tables());
        tables(json, "context", record.context());
        json.writeStartArray("files");
        for (PersonalRecord.EvidenceFile file : record.files()) {
            json.writeStartObject().write("evidenceId", file.evidenceId()).write("entry", file.entry())
                    .write("size", file.size()).write("sha256", file.sha256() == null ? "" : file.sha256())
                    .write("included", !missing.contains(file.evidenceId())).writeEnd();
        }
        json.writeEnd().writeEnd();
        json.flush(); // not close: the archive goes on after this entry
    }

    private static void tables(JsonGenerator json, String name, Map<String, List<Map<String, Object>>> tables) {
        json.writeStartObject(name);
        tables.forEach((table, rows) -> {
            json.writeStartArray(table);
            rows.forEach(row -> {
                json.writeStartObject();
                row.forEach((column, value) -> value(json, column, value));
                json.writeEnd();
            });
            json.writeEnd();
        });
        json.writeEnd();
    }

    private static void value(JsonGenerator json, String name, Object value) {
        switch (value) {
            case null -> json.writeNull(name);
            case Boolean bool -> json.write(name, bool);
            case Integer number -> json.write(name, number);
            case Long number -> json.write(name, number);
            case BigDecimal number -> json.write(name, number);
            case Double number -> json.write(name, number);
            case Number number -> json.write(name, new BigDecimal(number.toString()));
            default -> json.write(name, value.toString());
        }
    }
}
