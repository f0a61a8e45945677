package fr.competences.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The JVM options the benchmarks measure ({@link TestApp#DEFAULT_JVM_OPTIONS}) are the ones an administrator is told
 * to use: the README's commands, the Docker image and the cluster script write them out, and must not drift apart
 * from what docs/performance.md's memory figures were measured with.
 */
class DocumentedJvmOptionsTest {

    private static final String OPTIONS = String.join(" ", TestApp.DEFAULT_JVM_OPTIONS);

    @Test
    void theReadmeTheDockerImageAndTheClusterScriptUseTheMeasuredOptions() throws IOException {
        assertThat(Files.readString(Path.of("README.md"))).contains("java -XX:+UseSerialGC", OPTIONS + " -jar");
        assertThat(Files.readString(Path.of("docker/Dockerfile"))).contains("JAVA_TOOL_OPTIONS=\"" + OPTIONS + "\"");
        assertThat(Files.readString(Path.of("scripts/cluster.sh"))).contains("${JVM_OPTIONS:-" + OPTIONS + "}");
    }
}
