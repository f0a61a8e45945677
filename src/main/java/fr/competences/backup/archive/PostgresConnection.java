package fr.competences.backup.archive;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The application's PostgreSQL database as {@code pg_dump}, {@code pg_restore} and {@code psql} take it: the JDBC URL
 * ({@code jdbc:postgresql://host:port/db?sslmode=require}) becomes a libpq URI, keeping only the parameters both
 * understand; the user and the password go through {@code PGUSER} and {@code PGPASSWORD}, never on a command line
 * (which {@code ps} shows to every user of the machine).
 */
public record PostgresConnection(String uri, String user, String password) {

    private static final String JDBC_PREFIX = "jdbc:postgresql:";

    public static PostgresConnection fromJdbc(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(JDBC_PREFIX)) {
            throw new IllegalArgumentException("Pas une URL JDBC PostgreSQL");
        }
        String rest = jdbcUrl.substring(JDBC_PREFIX.length());
        int query = rest.indexOf('?');
        String location = query < 0 ? rest : rest.substring(0, query);
        Map<String, String> parameters = parameters(query < 0 ? "" : rest.substring(query + 1));
        // jdbc:postgresql:db and jdbc:postgresql:/ mean localhost:5432, where libpq would try a Unix socket
        String target = location.startsWith("//") ? location.substring(2) : "localhost/" + location.replaceFirst("^/", "");
        StringBuilder uri = new StringBuilder("postgresql://").append(target);
        Map<String, String> libpq = new LinkedHashMap<>();
        String sslMode = parameters.get("sslmode");
        if (sslMode == null && "true".equalsIgnoreCase(parameters.get("ssl"))) {
            sslMode = "verify-full"; // what pgJDBC does with ssl=true
        }
        if (sslMode != null) {
            libpq.put("sslmode", sslMode);
        }
        if (parameters.containsKey("sslrootcert")) {
            libpq.put("sslrootcert", parameters.get("sslrootcert"));
        }
        if (parameters.containsKey("connectTimeout")) {
            libpq.put("connect_timeout", parameters.get("connectTimeout"));
        }
        String separator = "?";
        for (var parameter : libpq.entrySet()) {
            uri.append(separator).append(parameter.getKey()).append('=')
                    .append(java.net.URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        return new PostgresConnection(uri.toString(), blankTo(user, parameters.get("user")),
                blankTo(password, parameters.get("password")));
    }

    /** The variables to give the tool's process: only those set, so that a {@code ~/.pgpass} still works. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        if (user != null && !user.isEmpty()) {
            environment.put("PGUSER", user);
        }
        if (password != null && !password.isEmpty()) {
            environment.put("PGPASSWORD", password);
        }
        return environment;
    }

    @Override
    public String toString() {
        return uri + " (" + user + ")"; // never the password
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(pair.substring(0, equals),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? (fallback == null ? "" : fallback) : value;
    }
}
