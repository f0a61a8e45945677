package fr.competences.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Table rows read as they are stored, column by column, the same on H2 and PostgreSQL: lower-case column names,
 * times as instants (UTC), numbers and texts as the driver gives them.
 */
final class Rows {

    private Rows() {
    }

    static List<Map<String, Object>> read(Connection connection, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData columns = result.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        row.put(columns.getColumnLabel(i).toLowerCase(Locale.ROOT), value(result, i,
                                columns.getColumnType(i)));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    private static Object value(ResultSet result, int column, int type) throws SQLException {
        if (type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE) {
            OffsetDateTime time = result.getObject(column, OffsetDateTime.class);
            return time == null ? null : time.toInstant();
        }
        return result.getObject(column);
    }
}
