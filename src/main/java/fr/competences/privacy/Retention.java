package fr.competences.privacy;

import fr.competences.config.InstanceName;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Storage limitation (RGPD art. 5.1.e): courses not launched for {@code RETENTION_AFTER_COURSE_END} are erased with
 * everything in them (activities, positions, history, evidence and its files, grades' records, memberships), and so
 * are the users left with no course. Once a day, by one instance of those sharing the database; the administrator
 * lists what the next run would erase (dry run) and may run it at once. Unset: nothing is ever erased.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());
    static final Duration PERIOD = Duration.ofDays(1);
    /** Renewed after each course: only a dead instance loses the job. */
    static final Duration LEASE = Duration.ofMinutes(30);

    /** What the next run would erase. */
    public record DryRun(String retention, String retentionDescription, String problem, Instant cutoff,
            Instant nextRunAt, String runningOn, List<ExpiredCourse> expiredCourses,
            int usersLeftWithoutCourse, List<Run> lastRuns) {
    }

    /** A course past the retention, as the dry run lists it. */
    public record ExpiredCourse(long id, String contextId, String title, String platform, String issuer,
            Instant lastLaunchAt, int members, int activities, int evidenceFiles) {
    }

    /** A run as the admin API shows it. */
    public record Run(long id, String instance, String startedBy, String retention, Instant cutoff,
            Instant startedAt, Instant finishedAt, int courses, int users, int evidenceFiles, int filesNotRemoved,
            String problem) {
    }

    /** What a run erased. */
    public record Report(long runId, String retention, Instant cutoff, List<ErasedCourse> courses, int usersErased,
            int evidenceFiles, List<Erasures.FileNotRemoved> filesNotRemoved, String problem, boolean complete,
            String gradebook) {
    }

    /** One course erased, with its rows per table. */
    public record ErasedCourse(long id, String contextId, String title, Map<String, Integer> erased) {
    }

    @Inject
    RetentionSettings settings;

    @Inject
    RetentionStore store;

    @Inject
    Erasure erasure;

    @Inject
    Erasures erasures;

    Clock clock = Clock.systemUTC();

    private final String instance = InstanceName.current().id();

    DryRun dryRun(Locale locale) {
        RetentionStore.Job job = store.job();
        List<Run> runs = store.latestRuns(10);
        boolean held = job.leaseUntil() != null && job.leaseUntil().isAfter(clock.instant());
        String running = held ? job.leaseOwner() : null;
        return settings.retentionOrKeep().map(retention -> {
            OffsetDateTime cutoff = retention.cutoff(now());
            List<ExpiredCourse> expired = store.expired(cutoff);
            return new DryRun(retention.text(), retention.describe(english(locale)), null, cutoff.toInstant(),
                    job.nextRunAt(), running, expired,
                    store.usersOnlyIn(expired.stream().map(ExpiredCourse::id).toList()), runs);
        }).orElseGet(() -> new DryRun(null, null, settings.problem().orElse(null), null, null, running, List.of(), 0,
                runs));
    }

    /** Runs now for the administrator, unless a run is going on (409) or no retention is set (409). */
    Report runNow(Locale locale) {
        RetentionPeriod retention = settings.retentionOrKeep().orElseThrow(() -> new ProblemException(409,
                "retention-not-set", LocalizedText.of("Conservation illimitée", "Unlimited retention"),
                LocalizedText.of("RETENTION_AFTER_COURSE_END n’est pas défini (ou pas valide) : l’outil garde les "
                        + "données ; définissez-le (par exemple P3Y) et redémarrez pour effacer les cours anciens.",
                        "RETENTION_AFTER_COURSE_END is not set (or not valid): the tool keeps the data; set it "
                                + "(e.g. P3Y) and restart to erase old courses.")));
        if (!store.claim(instance, LEASE, true, now())) {
            String holder = store.job().leaseOwner();
            throw new ProblemException(409, "retention-running", LocalizedText.of("Déjà en cours", "Already running"),
                    LocalizedText.of("L’effacement des cours anciens est en cours sur l’instance " + holder
                            + " : réessayez quand il sera terminé.", "Old courses are being erased on instance "
                            + holder + ": try again once it is done."));
        }
        return run(retention, RetentionRun.StartedBy.ADMIN, locale);
    }

    /** The daily check of each instance: runs if due and no other instance holds the job. */
    void runIfDue() {
        settings.retentionOrKeep().ifPresent(retention -> {
            if (store.claim(instance, LEASE, false, now())) {
                run(retention, RetentionRun.StartedBy.SCHEDULE, Locale.FRENCH);
            }
        });
    }

    /** The claimed run: course by course (one transaction each), files after each commit; always lets the job go. */
    private Report run(RetentionPeriod retention, RetentionRun.StartedBy startedBy, Locale locale) {
        OffsetDateTime cutoff = retention.cutoff(now());
        RetentionRun run = store.started(new RetentionRun(instance, startedBy, retention.text(), cutoff, now()));
        List<ErasedCourse> courses = new ArrayList<>();
        List<Erasures.FileNotRemoved> failures = new ArrayList<>();
        try {
            for (ExpiredCourse course : store.expired(cutoff)) {
                erasure.eraseCourse(course.id(), cutoff, retention.text(),
                        startedBy == RetentionRun.StartedBy.ADMIN).ifPresent(erased -> {
                    failures.addAll(erasures.removeFiles(erased.files()));
                    run.courses++;
                    run.evidenceFiles += erased.files().size();
                    courses.add(new ErasedCourse(course.id(), course.contextId(), course.title(), erased.erased()));
                    for (long member : erased.members()) {
                        if (!erasure.hasCourse(member)) {
                            Erasure.UserErased user = erasure.eraseLoneUser(member);
                            failures.addAll(erasures.removeFiles(user.files()));
                            run.users++;
                        }
                    }
                });
                store.renew(instance, LEASE, now());
            }
        } catch (RuntimeException e) {
            run.problem = e.toString().length() > 1000 ? e.toString().substring(0, 1000) : e.toString();
            LOG.log(Level.SEVERE, "Conservation : effacement des cours anciens interrompu", e);
        } finally {
            run.filesNotRemoved = failures.size();
            run.finishedAt = now();
            store.finished(run);
            // after a failure, due again at the next check rather than tomorrow
            store.release(instance, run.problem == null ? now().plus(PERIOD) : now());
        }
        LOG.info(() -> "Conservation (" + retention.text() + ", dernier lancement avant " + cutoff + ") : "
                + run.courses + " cours, " + run.users + " utilisateur(s), " + run.evidenceFiles
                + " fichier(s) effacés"
                + (failures.isEmpty() ? "" : ", " + failures.size() + " fichier(s) NON supprimé(s)"));
        return new Report(run.id, retention.text(), cutoff.toInstant(), courses, run.users, run.evidenceFiles,
                failures, run.problem, failures.isEmpty() && run.problem == null, Erasures.GRADEBOOK_NOTICE.in(locale));
    }

    /** This instance's name in the job's lease and the runs' log. */
    String instance() {
        return instance;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
