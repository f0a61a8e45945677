package fr.competences;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The package rules are those each {@code package-info.java} states in words ("May use: {@code errors}, {@code
 * view}." — or "nothing of ours"; "Its {@code *Resource} classes may also use: …"), checked on the compiled classes:
 * a package depends on no package of ours but itself and those it names ({@code x..}: x and its sub-packages), and no
 * two packages depend on each other, through any path. A new dependency is written in its package-info first, or the
 * build fails where it was written.
 */
public class ArchitectureTest {

    static final String BASE = "fr.competences";
    static final Path SOURCES = Path.of("src/main/java/fr/competences");
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);

    /** The sentence ends at a period followed by a space: the dots of {@code a.b..} never are. */
    static final Pattern MAY_USE = Pattern.compile("(?<!also )May use: (.*?)\\.(?=\\s|$)");
    static final Pattern RESOURCES_MAY_USE = Pattern.compile(
            "Its \\{@code \\*Resource} classes may also use: (.*?)\\.(?=\\s|$)");
    static final Pattern CODE = Pattern.compile("\\{@code ([a-z.]+)}");

    /** What one package-info says: the packages the package may use, and those its resources may use too. */
    public record Rule(String pkg, List<String> uses, List<String> resourcesAlsoUse) {
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void everyPackageStatesWhatItMayUse() {
        List<String> packages = CLASSES.stream().map(c -> c.getPackageName()).filter(p -> !p.equals(BASE)).distinct()
                .sorted().toList();
        Map<String, Rule> rules = rules();
        assertThat(rules.keySet()).as("packages whose package-info.java says \"May use: …\"")
                .containsAll(packages);
    }

    @TestFactory
    Stream<DynamicTest> eachPackageUsesOnlyWhatItsPackageInfoAllows() {
        return rules().values().stream().map(rule -> DynamicTest.dynamicTest(rule.pkg(), () -> {
            List<String> allowed = new ArrayList<>(rule.uses());
            allowed.add(rule.pkg());
            allowed.addAll(rule.resourcesAlsoUse());
            ours(rule.pkg(), allowed, false).check(CLASSES);
            if (!rule.resourcesAlsoUse().isEmpty()) {
                List<String> rest = new ArrayList<>(rule.uses());
                rest.add(rule.pkg());
                ours(rule.pkg(), rest, true).check(CLASSES);
            }
        }));
    }

    /** Classes of {@code pkg} (those not named *Resource when {@code exceptResources}) use no other package of ours. */
    private static ArchRule ours(String pkg, List<String> allowed, boolean exceptResources) {
        var that = noClasses().that().resideInAPackage(pkg);
        var subjects = exceptResources ? that.and().haveSimpleNameNotEndingWith("Resource") : that;
        return subjects.should().dependOnClassesThat(resideInAPackage(BASE + "..")
                .and(not(resideInAnyPackage(allowed.toArray(String[]::new)))))
                .because("package-info.java of " + pkg + " allows only " + allowed);
    }

    /** The rule of each package whose package-info.java states one, by package name. */
    public static Map<String, Rule> rules() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            Map<String, Rule> rules = new TreeMap<>();
            files.filter(file -> file.getFileName().toString().equals("package-info.java")).forEach(file -> {
                String pkg = BASE + "." + SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                String text = text(file);
                Matcher uses = MAY_USE.matcher(text);
                if (uses.find()) {
                    Matcher resources = RESOURCES_MAY_USE.matcher(text);
                    rules.put(pkg, new Rule(pkg, packages(uses.group(1)),
                            resources.find() ? packages(resources.group(1)) : List.of()));
                }
            });
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The package-info's comment as one line of text, without the comment's stars. */
    private static String text(Path file) {
        try {
            return Files.readAllLines(file).stream().map(line -> line.replaceFirst("^\\s*(/\\*\\*|\\*/|\\*)\\s?", ""))
                    .collect(Collectors.joining(" "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {@code errors}, {@code referential..}} → fr.competences.errors, fr.competences.referential.. */
    private static List<String> packages(String list) {
        Matcher code = CODE.matcher(list);
        List<String> packages = new ArrayList<>();
        while (code.find()) {
            packages.add(BASE + "." + code.group(1));
        }
        return packages;
    }
}
