package fr.competences.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives the application's settings from the documented environment variables (or the system
 * properties of the same name): {@code PORT}, {@code PUBLIC_URL}, {@code DATA_DIR}, {@code DB_URL},
 * {@code DB_USER}, {@code DB_PASSWORD}. Values that depend on each other (the H2 file inside
 * {@code DATA_DIR}, the JDBC data source class for {@code DB_URL}, the default public URL on
 * {@code PORT}) are computed here, once, so that the data source definition stays declarative.
 *
 * <p>Every other setting ({@code admin.token}, {@code lti.*}, {@code gradebook.sync.*}) is read by MicroProfile
 * Config from the environment variable of the same name in capitals ({@code ADMIN_TOKEN}); MicroProfile maps names
 * so for the environment only, so this source also answers them from a {@code -DADMIN_TOKEN=…} system property, as
 * the README promises.
 */
public class EnvironmentConfigSource implements ConfigSource {

    public static final String DATA_DIR = "data.dir";
    public static final String PUBLIC_URL = "public.url";
    public static final String DB_URL = "db.url";
    public static final String DB_CLASS = "db.class";
    public static final String DB_USER = "db.user";
    public static final String DB_PASSWORD = "db.password";

    private final Map<String, String> values;

    public EnvironmentConfigSource() {
        this(EnvironmentConfigSource::lookup);
    }

    EnvironmentConfigSource(UnaryOperator<String> environment) {
        this.values = derive(environment);
    }

    static Map<String, String> derive(UnaryOperator<String> env) {
        Map<String, String> derived = new LinkedHashMap<>();
        String port = orDefault(env.apply("PORT"), "8080");
        Path dataDir = Path.of(orDefault(env.apply("DATA_DIR"), "data")).toAbsolutePath().normalize();
        derived.put(DATA_DIR, dataDir.toString());
        derived.put(PUBLIC_URL, stripTrailingSlash(orDefault(env.apply("PUBLIC_URL"), "http://localhost:" + port)));

        String dbUrl = env.apply("DB_URL");
        if (dbUrl == null || dbUrl.isBlank()) {
            derived.put(DB_URL, H2Files.url(dataDir));
            derived.put(DB_USER, orDefault(env.apply("DB_USER"), "sa"));
            derived.put(DB_PASSWORD, orDefault(env.apply("DB_PASSWORD"), "sa"));
        } else {
            derived.put(DB_URL, dbUrl.trim().startsWith("jdbc:h2:") ? H2Files.durable(dbUrl.trim()) : dbUrl.trim());
            derived.put(DB_USER, orDefault(env.apply("DB_USER"), ""));
            derived.put(DB_PASSWORD, orDefault(env.apply("DB_PASSWORD"), ""));
        }
        derived.put(DB_CLASS, dataSourceClassFor(derived.get(DB_URL)));
        return derived;
    }

    static String dataSourceClassFor(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.ds.PGSimpleDataSource";
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return "org.h2.jdbcx.JdbcDataSource";
        }
        throw new IllegalArgumentException("DB_URL doit commencer par jdbc:postgresql: ou jdbc:h2: (reçu : "
                + jdbcUrl.replaceAll("password=[^&;]*", "password=***") + ")");
    }

    private static String lookup(String name) {
        String property = System.getProperty(name);
        return property != null ? property : System.getenv(name);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        String derivedValue = values.get(propertyName);
        return derivedValue != null ? derivedValue : System.getProperty(environmentName(propertyName));
    }

    /** {@code admin.token} → {@code ADMIN_TOKEN}: MicroProfile Config's mapping of names to environment variables. */
    static String environmentName(String propertyName) {
        return propertyName.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    @Override
    public String getName() {
        return "competences-environment";
    }

    @Override
    public int getOrdinal() {
        return 250; // above microprofile-config.properties, below explicit system properties and env
    }
}
