package fr.competences.backup;

import java.util.Map;

/** {@link BackupRestoreContract} on H2: BACKUP TO by the running application, restore into an empty DATA_DIR. */
class H2BackupRestoreIT extends BackupRestoreContract {

    @Override
    String database() {
        return "h2";
    }

    @Override
    Map<String, String> newDatabase() {
        return Map.of();
    }
}
