package fr.competences;

import fr.competences.backup.archive.Commands;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Main class of {@code target/competences-lti.jar}: turns the {@code PORT} environment variable into
 * Payara Micro's {@code --port} option (Payara reads no environment for it), then boots Payara Micro,
 * which deploys the application baked into the jar. A {@code -DPORT=…} system property wins over the environment,
 * as in {@code EnvironmentConfigSource} (which derives the public URL from the same value); explicit command-line
 * options win over both. {@code backup} or {@code restore} as first argument runs that command instead
 * ({@link Commands}), without starting Payara. A boot that never ends is cut short ({@link LauncherWatchdog}).
 */
public final class Launcher {

    /**
     * GlassFish's start-up runs its services' run levels on a pool of threads, which can deadlock (payara/Payara#4395:
     * the watchdog's stalled boots); {@code USE_NO_THREADS} runs them one after the other on the main thread. Measured
     * on 2 cores: the same start-up time. A {@code -D} on the command line still wins.
     */
    static final String STARTUP_THREAD_POLICY = "org.glassfish.startupThreadPolicy";

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        List<String> options = new ArrayList<>(Arrays.asList(args));
        if (!options.isEmpty() && Commands.handles(options.getFirst())) {
            System.exit(Commands.run(options, System.in, System.out, System.err));
        }
        try {
            LauncherWatchdog.watchThisProcess(LauncherWatchdog.timeout(System.getenv("STARTUP_TIMEOUT")));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        if (System.getProperty(STARTUP_THREAD_POLICY) == null) {
            System.setProperty(STARTUP_THREAD_POLICY, "USE_NO_THREADS");
        }
        String port = System.getProperty("PORT", System.getenv("PORT"));
        if (port != null && !port.isBlank() && !options.contains("--port")) {
            options.add("--port");
            options.add(port.trim());
        }
        Class.forName("fish.payara.micro.PayaraMicro")
                .getMethod("main", String[].class)
                .invoke(null, (Object) options.toArray(String[]::new));
    }
}
