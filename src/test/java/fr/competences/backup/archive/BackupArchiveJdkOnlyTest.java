package fr.competences.backup.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The commands run from the root of the runnable jar, where only the JDK is on the class path: this package and the
 * Launcher import nothing else (a Jakarta or library class would fail there with NoClassDefFoundError).
 */
class BackupArchiveJdkOnlyTest {

    @Test
    void importsOnlyTheJdkAndItself() throws IOException {
        Path sources = Path.of("src/main/java/fr/competences");
        List<Path> files;
        try (Stream<Path> archive = Files.list(sources.resolve("backup/archive"))) {
            files = Stream.concat(archive, Stream.of(sources.resolve("Launcher.java"))).toList();
        }
        for (Path file : files) {
            assertThat(Files.readAllLines(file)).as(file.toString())
                    .filteredOn(line -> line.startsWith("import "))
                    .allSatisfy(line -> assertThat(line).matches(
                            "import (static )?(java\\.|javax\\.net\\.|fr\\.competences\\.backup\\.archive\\.).*;"));
        }
        assertThat(files).hasSizeGreaterThan(5);
    }
}
