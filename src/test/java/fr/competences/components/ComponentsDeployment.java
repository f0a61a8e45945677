package fr.competences.components;

import fr.competences.ArchitectureTest;
import fr.competences.it.PostgresServer;
import fr.competences.it.TestApps;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filter;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment of the in-container tests: the packages of the components under test and every package their
 * {@code package-info.java} allows them to use, transitively (the rules {@link ArchitectureTest} checks), so that
 * the deployment is what these components need and nothing else of the application (no pages, no JAX-RS
 * application). Libraries, migrations, configuration and descriptors come from the application's own WAR; the test
 * side adds the tests, the {@code *Probe} beans that reach package-private operations, and AssertJ.
 */
final class ComponentsDeployment {

    static final List<String> COMPONENTS = List.of("fr.competences.gradebook.outbox",
            "fr.competences.gradebook.columns", "fr.competences.lti.registration", "fr.competences.lti.course",
            "fr.competences.lti.roster", "fr.competences.persistence");
    static final Path WORK = Path.of("target/arquillian");
    static final File APPLICATION_WAR = new File("target/competences-lti.war");

    private ComponentsDeployment() {
    }

    /**
     * The deployment, with the database the application will use ({@code database}: the DB_URL, DB_USER and
     * DB_PASSWORD it reads at start), written where arquillian.xml points Payara Micro's {@code --systemProperties}.
     */
    static WebArchive of(Map<String, String> database) {
        writeSystemProperties(database);
        WebArchive war = ShrinkWrap.create(WebArchive.class, "components.war");
        for (String pkg : packages()) {
            boolean withSubPackages = pkg.endsWith("..");
            war.addPackages(withSubPackages, MAIN_OR_PROBE, withSubPackages ? pkg.substring(0, pkg.length() - 2) : pkg);
        }
        war.addPackage(ComponentsDeployment.class.getPackage());
        WebArchive application = ShrinkWrap.createFromZipFile(WebArchive.class, APPLICATION_WAR);
        application.getContent(path -> path.get().startsWith("/WEB-INF/") && !path.get().startsWith("/WEB-INF/classes/fr/"))
                .forEach((path, node) -> {
                    if (node.getAsset() != null) {
                        war.add(node.getAsset(), path);
                    }
                });
        war.addAsLibrary(jarOf(Assertions.class));
        return war;
    }

    /**
     * A new database of the suite's PostgreSQL cluster ({@link TestApps#postgresServer}). Here and not in the test
     * class: JUnit reads the test class's methods inside the container too, where the cluster's classes are not.
     */
    static Map<String, String> postgres() throws Exception {
        PostgresServer server = TestApps.postgresServer();
        return Map.of("DB_URL", server.createDatabase("components"), "DB_USER", server.user(), "DB_PASSWORD",
                server.password());
    }

    /** The components' packages and those they may use, transitively ({@code x..}: x and its sub-packages). */
    static Set<String> packages() {
        Map<String, ArchitectureTest.Rule> rules = ArchitectureTest.rules();
        Set<String> found = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(COMPONENTS);
        while (!next.isEmpty()) {
            String pkg = next.pop();
            if (!found.add(pkg)) {
                continue;
            }
            String base = pkg.endsWith("..") ? pkg.substring(0, pkg.length() - 2) : pkg;
            rules.values().stream()
                    .filter(rule -> rule.pkg().equals(base) || pkg.endsWith("..") && rule.pkg().startsWith(base + "."))
                    .forEach(rule -> {
                        next.addAll(rule.uses());
                        next.addAll(rule.resourcesAlsoUse());
                    });
        }
        return found;
    }

    /** The application's classes, and of the test classes only the probes. */
    private static final Filter<ArchivePath> MAIN_OR_PROBE = path -> {
        String name = path.get();
        String resource = name.substring(name.indexOf("fr/competences/"));
        URL url = ComponentsDeployment.class.getClassLoader().getResource(resource);
        String simpleName = resource.substring(resource.lastIndexOf('/') + 1).split("[$.]")[0];
        return url == null || !url.toString().contains("/test-classes/") || simpleName.endsWith("Probe");
    };

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeSystemProperties(Map<String, String> database) {
        Properties properties = new Properties();
        properties.putAll(database);
        try {
            Files.createDirectories(WORK);
            try (var out = Files.newBufferedWriter(WORK.resolve("database.properties"))) {
                properties.store(out, "Database of the in-container component tests");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
