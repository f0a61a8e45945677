package fr.competences.privacy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Names inside the export archive: safe on every system, and telling which piece of evidence each file is. */
final class ZipEntries {

    static final String DATA = "data.json";
    static final String SUMMARY = "summary.html";
    static final String FOLDER = "evidence/";
    private static final int MAX_NAME = 100;

    private ZipEntries() {
    }

    /** The files of these evidence rows, each row given its {@code zip_entry}. */
    static List<PersonalRecord.EvidenceFile> evidence(List<Map<String, Object>> rows) {
        List<PersonalRecord.EvidenceFile> files = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String storageName = (String) row.get("storage_name");
            if (storageName == null) {
                continue;
            }
            long id = ((Number) row.get("id")).longValue();
            String entry = FOLDER + id + "-" + safeName((String) row.get("file_name"), storageName);
            row.put("zip_entry", entry);
            Number size = (Number) row.get("size_bytes");
            files.add(new PersonalRecord.EvidenceFile(id, storageName, entry, size == null ? 0 : size.longValue(),
                    (String) row.get("sha256")));
        }
        return files;
    }

    /**
     * The student's file name reduced to letters, digits, dots, dashes and underscores, ending with the extension
     * of the type detected from its content (the stored file's), so that the archive never hands over a script
     * under a name that runs it.
     */
    static String safeName(String fileName, String storageName) {
        String extension = storageName.contains(".") ? storageName.substring(storageName.lastIndexOf('.') + 1) : "";
        String base = Normalizer.normalize(fileName == null ? "" : fileName, Normalizer.Form.NFC)
                .replaceAll("[^\\p{L}\\p{N}._-]+", "_").replaceAll("^[._]+", "");
        if (base.length() > MAX_NAME) {
            base = base.substring(0, MAX_NAME);
        }
        if (base.isEmpty()) {
            base = "fichier";
        }
        boolean hasExtension = !extension.isEmpty()
                && base.toLowerCase(Locale.ROOT).endsWith("." + extension.toLowerCase(Locale.ROOT));
        return hasExtension || extension.isEmpty() ? base : base + "." + extension;
    }
}
