package fr.competences.evidence;

import fr.competences.assessment.Activities;
import fr.competences.audit.Audit;
import fr.competences.audit.AuditEvent;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.persistence.OwnerOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Students' evidence: texts, links and files (at most {@value #MAX_FILE_BYTES} bytes, a {@link FileType} recognised
 * from the content, archives declaring at most {@value #MAX_INFLATED_BYTES} bytes once inflated, a clean name ending
 * with an extension of that type; {@value #MAX_ITEMS} pieces per student and activity). Files go to
 * {@code DATA_DIR/evidence} under a random name, written before their row commits and never changed: a backup copies
 * exactly the files its database snapshot refers to ({@code fr.competences.backup}). A removed piece's file waits in
 * {@link EvidenceTrash}. Every method takes the caller's course and checks the activity is in it; reading a piece is
 * for its owner and the course's teachers only. Adding, removing and downloading each leave a line in the audit
 * trail, in the same transaction.
 */
@ApplicationScoped
@Transactional
public class Evidences {

    private static final Logger LOG = Logger.getLogger(Evidences.class.getName());
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    /** Under {@code DATA_DIR}; backups and restores find the files there. */
    public static final String DIRECTORY = "evidence";
    static final int MAX_ITEMS = 20;
    static final int MAX_TEXT = 4000;
    static final int MAX_URL = 2000;
    static final int MAX_NAME = EvidenceFileName.MAX_LENGTH;
    /** What an archive may declare it inflates to: 100 times the largest file, more than any real hand-in. */
    static final long MAX_INFLATED_BYTES = 1L << 30;

    /** A stored file, to stream to its reader. */
    public record StoredFile(Path path, String fileName, String mediaType, long size) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    Activities activities;

    @Inject
    EvidenceFiles files;

    @Inject
    EvidenceTrash trash;

    @Inject
    Audit audit;

    Clock clock = Clock.systemUTC();

    public List<EvidenceView> ofStudent(long courseId, long activityId, long studentUserId) {
        requireActivity(courseId, activityId);
        return em.createNamedQuery(Evidence.OF_STUDENT, Evidence.class).setParameter("activityId", activityId)
                .setParameter("studentUserId", studentUserId).getResultStream().map(Evidence::view).toList();
    }

    public List<EvidenceView> ofActivity(long courseId, long activityId) {
        requireActivity(courseId, activityId);
        return em.createNamedQuery(Evidence.OF_ACTIVITY, Evidence.class).setParameter("activityId", activityId)
                .getResultStream().map(Evidence::view).toList();
    }

    public EvidenceView addText(long courseId, long activityId, long studentUserId, String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty() || clean.length() > MAX_TEXT) {
            throw invalid("text", "Écrivez un texte de 1 à " + MAX_TEXT + " caractères.",
                    "Write a text of 1 to " + MAX_TEXT + " characters.");
        }
        Evidence evidence = newEvidence(courseId, activityId, studentUserId, Evidence.Kind.TEXT);
        evidence.body = clean;
        return persisted(courseId, evidence);
    }

    public EvidenceView addLink(long courseId, long activityId, long studentUserId, String url) {
        String clean = url == null ? "" : url.strip();
        if (!webAddress(clean)) {
            throw invalid("url", "Donnez une adresse web complète, commençant par https:// ou http:// (au plus "
                    + MAX_URL + " caractères).", "Give a full web address starting with https:// or http:// (at most "
                    + MAX_URL + " characters).");
        }
        Evidence evidence = newEvidence(courseId, activityId, studentUserId, Evidence.Kind.LINK);
        evidence.url = clean;
        return persisted(courseId, evidence);
    }

    /**
     * Reads at most the size limit from {@code content}, checks its type (an archive by its table of contents, never
     * inflated), stores it under a clean name ending with an extension of that type ({@link EvidenceFileName}).
     */
    public EvidenceView addFile(long courseId, long activityId, long studentUserId, String fileName, InputStream content) {
        String name = EvidenceFileName.clean(fileName).orElseThrow(() -> invalid("name",
                "Le fichier doit avoir un nom de 1 à " + MAX_NAME + " caractères visibles.",
                "The file needs a name of 1 to " + MAX_NAME + " visible characters."));
        byte[] bytes = read(content);
        FileType type = FileType.of(bytes).orElseThrow(() -> new ProblemException(415, "evidence-type",
                LocalizedText.of("Type de fichier refusé", "File type refused"),
                LocalizedText.of("« " + name + " » n’est pas d’un type accepté (d’après son contenu, pas son nom) : "
                        + "PDF, image PNG, JPEG, GIF ou WebP, document OpenDocument ou Office, archive ZIP, texte.",
                        "\"" + name + "\" is not of an accepted type (judged by its content, not its name): PDF, PNG, "
                                + "JPEG, GIF or WebP image, OpenDocument or Office document, ZIP archive, text.")));
        if (type.isArchive() && ZipListing.of(bytes).orElseThrow().declaredSize() > MAX_INFLATED_BYTES) {
            throw new ProblemException(422, "evidence-archive-too-large",
                    LocalizedText.of("Archive trop volumineuse une fois décompressée", "Archive too large once unpacked"),
                    LocalizedText.of("« " + name + " » se décompresse en plus de 1 Go : déposez les fichiers utiles "
                                    + "seulement, ou un lien.",
                            "\"" + name + "\" unpacks to more than 1 GB: hand in the useful files only, or a link."));
        }
        Evidence evidence = newEvidence(courseId, activityId, studentUserId, Evidence.Kind.FILE);
        evidence.fileName = EvidenceFileName.forType(name, type);
        evidence.mediaType = type.mediaType();
        evidence.size = (long) bytes.length;
        evidence.sha256 = sha256(bytes);
        evidence.storageName = UUID.randomUUID() + "." + type.extension();
        EvidenceView view = persisted(courseId, evidence);
        write(evidence.storageName, bytes);
        LOG.info(() -> "Preuve déposée : fichier " + type + " de " + bytes.length + " octets, activité " + activityId);
        return view;
    }

    /** The file of a piece of evidence, for its owner or a teacher of its course. */
    public Optional<StoredFile> file(long courseId, long evidenceId, long callerUserId, boolean teacher) {
        return readable(courseId, evidenceId, callerUserId, teacher)
                .filter(e -> e.kind == Evidence.Kind.FILE)
                .map(e -> {
                    audit.record(new AuditEvent.EvidenceDownloaded(courseId, e.activityId, callerUserId,
                            teacher ? "TEACHER" : "STUDENT", e.studentUserId, e.id));
                    return new StoredFile(files.path(e.storageName), servedName(e), e.mediaType, e.size);
                });
    }

    /**
     * The name a file is downloaded under, cleaned again: files stored before names were cleaned keep the student's
     * extension and characters in the database, never in a download.
     */
    private static String servedName(Evidence evidence) {
        FileType type = FileType.ofStored(evidence.mediaType, evidence.storageName, evidence.fileName);
        return EvidenceFileName.forType(EvidenceFileName.clean(evidence.fileName).orElse("preuve"), type);
    }

    /** Removes a piece of evidence of the caller (students remove their own only); its file goes to the trash. */
    public boolean delete(long courseId, long evidenceId, long studentUserId) {
        Optional<Evidence> found = readable(courseId, evidenceId, studentUserId, false);
        found.ifPresent(evidence -> {
            em.remove(evidence);
            audit.record(new AuditEvent.EvidenceRemoved(courseId, evidence.activityId, studentUserId, evidence.id,
                    evidence.kind.name()));
            em.flush();
            if (evidence.storageName != null) {
                trash.discardAfterCommit(evidence.storageName);
            }
        });
        return found.isPresent();
    }

    private Optional<Evidence> readable(long courseId, long evidenceId, long callerUserId, boolean teacher) {
        return Optional.ofNullable(em.find(Evidence.class, evidenceId))
                .filter(e -> activities.find(courseId, e.activityId).isPresent())
                .filter(e -> teacher || e.studentUserId == callerUserId);
    }

    private Evidence newEvidence(long courseId, long activityId, long studentUserId, Evidence.Kind kind) {
        requireActivity(courseId, activityId);
        long count = em.createQuery("select count(e) from Evidence e where e.activityId = :activityId "
                        + "and e.studentUserId = :studentUserId", Long.class)
                .setParameter("activityId", activityId).setParameter("studentUserId", studentUserId).getSingleResult();
        if (count >= MAX_ITEMS) {
            throw new ProblemException(409, "evidence-full", LocalizedText.of("Trop de preuves", "Too much evidence"),
                    LocalizedText.of("Vous avez déjà déposé " + MAX_ITEMS + " preuves pour cette activité : supprimez-en "
                            + "une avant d’en ajouter.", "You already handed in " + MAX_ITEMS + " pieces of evidence for "
                            + "this activity: remove one before adding another."));
        }
        return new Evidence(activityId, studentUserId, kind, clock.instant().atOffset(ZoneOffset.UTC));
    }

    /** Stored with its audit line; a file is written after both are flushed (a failed write rolls both back). */
    private EvidenceView persisted(long courseId, Evidence evidence) {
        em.persist(evidence);
        audit.record(new AuditEvent.EvidenceAdded(courseId, evidence.activityId, evidence.studentUserId, evidence.id,
                evidence.kind.name(), evidence.mediaType, evidence.size));
        em.flush();
        return evidence.view();
    }

    private void requireActivity(long courseId, long activityId) {
        activities.require(courseId, activityId);
    }

    private static byte[] read(InputStream content) {
        try (InputStream in = content) {
            byte[] bytes = in == null ? new byte[0] : in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new ProblemException(413, "evidence-too-large",
                        LocalizedText.of("Fichier trop volumineux", "File too large"),
                        LocalizedText.of("Un fichier de preuve fait au plus 10 Mo : réduisez-le (PDF compressé, image "
                                + "redimensionnée) ou déposez un lien.", "An evidence file is 10 MB at most: make it "
                                + "smaller (compressed PDF, resized image) or hand in a link."));
            }
            if (bytes.length == 0) {
                throw invalid("file", "Le fichier est vide.", "The file is empty.");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String storageName, byte[] bytes) {
        try {
            Path dir = OwnerOnly.directory(files.directory());
            Path temporary = Files.createTempFile(dir, "upload-", ".part");
            Files.write(temporary, bytes); // createTempFile makes it 0600 (POSIX), and the move keeps that
            Files.move(temporary, dir.resolve(storageName), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Écriture du fichier de preuve impossible", e);
        }
    }

    private static boolean webAddress(String url) {
        if (url.isEmpty() || url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalid(String field, String french, String english) {
        return new ProblemException(422, "evidence-invalid", LocalizedText.of("Preuve à corriger", "Evidence to correct"),
                LocalizedText.of(french, english), List.of(new ProblemException.Problem(field,
                        LocalizedText.of(french, english))));
    }
}
