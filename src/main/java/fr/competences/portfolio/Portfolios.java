package fr.competences.portfolio;

import fr.competences.audit.Audit;
import fr.competences.audit.AuditEvent;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.lti.course.ToolUser;
import fr.competences.lti.roster.CourseStudents;
import fr.competences.referential.Referentiels;
import fr.competences.referential.boundary.BuiltInReferentiels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;

/**
 * The one implementation of the portfolio's use cases, for its page and its JSON alike: a student reads and changes
 * their own réalisations; a teacher reads the portfolio of a student of their course, on the same platform. Anyone
 * else gets 404, as if the portfolio did not exist.
 */
@ApplicationScoped
@Transactional
public class Portfolios {

    /** A portfolio as it is read: its owner's name, the exam units, the réalisations and their coverage. */
    public record Portfolio(long studentUserId, String student, String bloc1Exam, String bloc2Exam,
            List<RealisationView> realisations, Coverage coverage) {
    }

    /** A teacher's session: where they act from. */
    public record TeacherInCourse(long platformId, long courseId, long userId) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    Referentiels referentiels;

    @Inject
    CourseStudents students;

    @Inject
    ExamNumbering numbering;

    @Inject
    Audit audit;

    @Inject
    Attachments attachments;

    Clock clock = Clock.systemUTC();

    /** What réalisations may tick, from the built-in BTS SIO référentiel. */
    public Catalogue catalogue() {
        return Catalogue.of(referentiels.tree(BuiltInReferentiels.BTS_SIO_SLAM).orElseThrow(
                () -> new IllegalStateException("the built-in BTS SIO référentiel is not loaded")));
    }

    /**
     * Who reads a portfolio, for the attachments' hints: its student sees the levels of all their courses, a teacher
     * those of the course they read it from.
     */
    public record Reader(boolean student, long courseId) {

        boolean seesHintsOf(long course) {
            return student || course == courseId;
        }
    }

    public Portfolio read(PortfolioOwner owner, Reader reader, Locale locale) {
        List<RealisationView> realisations = views(ofOwner(owner), reader);
        ToolUser user = em.find(ToolUser.class, owner.userId());
        ExamNumbering.Units units = numbering.units();
        return new Portfolio(owner.userId(), user == null ? "" : user.displayName(english(locale)),
                units.bloc1().in(locale), units.bloc2().in(locale), realisations, catalogue().coverage(realisations));
    }

    /**
     * The portfolio of a student of the teacher's course: the owner to read, or 404 when the user is not a learner
     * of that course (a teacher never reaches a portfolio through a course the student is not in).
     */
    public PortfolioOwner studentOfCourse(long platformId, long courseId, long studentUserId) {
        boolean learner = students.of(courseId, false).stream().anyMatch(s -> s.userId() == studentUserId);
        if (!learner) {
            throw notFound();
        }
        return new PortfolioOwner(platformId, studentUserId);
    }

    /** The réalisations as the exam papers print them (attachments left out). */
    public List<RealisationView> realisations(PortfolioOwner owner) {
        return views(ofOwner(owner), null);
    }

    private List<Realisation> ofOwner(PortfolioOwner owner) {
        return em.createNamedQuery(Realisation.OF_OWNER, Realisation.class)
                .setParameter("platformId", owner.platformId()).setParameter("studentUserId", owner.userId())
                .getResultList();
    }

    public RealisationView realisation(PortfolioOwner owner, long id, Reader reader) {
        return views(List.of(owned(owner, id)), reader).getFirst();
    }

    /**
     * The class's coverage: each student of the course (inactive ones too) with how many of their réalisations
     * mobilise each bloc 1 compétence and bloc 2; two queries whatever the class's size.
     */
    public ClassCoverage classCoverage(long platformId, long courseId, boolean english) {
        List<CourseStudents.Student> learners = students.of(courseId, english);
        Map<Long, List<RealisationView>> byStudent = new HashMap<>();
        if (!learners.isEmpty()) {
            em.createNamedQuery(Realisation.OF_STUDENTS, Realisation.class).setParameter("platformId", platformId)
                    .setParameter("ids", learners.stream().map(CourseStudents.Student::userId).toList())
                    .getResultList().forEach(r -> byStudent.computeIfAbsent(r.studentUserId, id -> new ArrayList<>())
                            .add(r.view(List.of(), List.of())));
        }
        Catalogue catalogue = catalogue();
        return new ClassCoverage(catalogue.bloc1Codes(), learners.stream().map(student -> {
            List<RealisationView> own = byStudent.getOrDefault(student.userId(), List.of());
            return new ClassCoverage.Row(student.userId(), student.name(), own.size(), catalogue.coverage(own));
        }).toList());
    }

    /** A teacher's comment on a réalisation of a student of their course. */
    public RealisationView comment(TeacherInCourse teacher, long studentUserId, long id, String text) {
        String body = RealisationDraft.clean(text);
        if (body == null || body.length() > RealisationComment.MAX_BODY) {
            throw new ProblemException(422, "portfolio-comment-invalid",
                    LocalizedText.of("Commentaire à corriger", "Comment to correct"),
                    LocalizedText.of("Écrivez un commentaire de 1 à " + RealisationComment.MAX_BODY + " caractères.",
                            "Write a comment of 1 to " + RealisationComment.MAX_BODY + " characters."));
        }
        Realisation realisation = owned(studentOfCourse(teacher.platformId(), teacher.courseId(), studentUserId), id);
        em.persist(new RealisationComment(realisation.id, teacher.courseId(), teacher.userId(), body, now()));
        em.flush();
        teacherChanged(teacher, realisation, "COMMENTED", null);
        return views(List.of(realisation), new Reader(false, teacher.courseId())).getFirst();
    }

    /** A teacher marks a réalisation validée or à revoir ({@code status} null: back to not reviewed). */
    public RealisationView review(TeacherInCourse teacher, long studentUserId, long id, String status) {
        ReviewStatus read = null;
        if (status != null && !status.isBlank()) {
            try {
                read = ReviewStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(422, "portfolio-review-invalid",
                        LocalizedText.of("Statut inconnu", "Unknown status"),
                        LocalizedText.of("Le statut est VALIDATED (validée), TO_REVISE (à revoir) ou vide.",
                                "The status is VALIDATED, TO_REVISE or empty."));
            }
        }
        Realisation realisation = owned(studentOfCourse(teacher.platformId(), teacher.courseId(), studentUserId), id);
        realisation.review(read, read == null ? null : teacher.userId(), read == null ? null : now());
        em.flush();
        teacherChanged(teacher, realisation, "REVIEWED", read == null ? "CLEARED" : read.name());
        return views(List.of(realisation), new Reader(false, teacher.courseId())).getFirst();
    }

    /**
     * The réalisations as the API shows them, with their comments (one query for all) and, for a {@code reader}, their
     * attachments with the hints that reader may see.
     */
    private List<RealisationView> views(List<Realisation> realisations, Reader reader) {
        Map<Long, List<RealisationView.Comment>> comments = new HashMap<>();
        if (!realisations.isEmpty()) {
            em.createNamedQuery(RealisationComment.OF_REALISATIONS, Object[].class)
                    .setParameter("ids", realisations.stream().map(r -> r.id).toList()).getResultList()
                    .forEach(row -> {
                        RealisationComment comment = (RealisationComment) row[0];
                        ToolUser author = (ToolUser) row[1];
                        comments.computeIfAbsent(comment.realisationId, id -> new ArrayList<>()).add(
                                new RealisationView.Comment(author.displayName(false), comment.body, comment.createdAt));
                    });
        }
        Map<Long, List<RealisationView.AttachmentView>> attached = reader == null ? Map.of()
                : attachments.of(realisations, reader);
        return realisations.stream().map(r -> r.view(comments.getOrDefault(r.id, List.of()),
                attached.getOrDefault(r.id, List.of()))).toList();
    }

    /** {@code courseId}: the course the student works from, where the audit line is shown. */
    public RealisationView create(PortfolioOwner owner, long courseId, RealisationDraft draft) {
        RealisationDraft.Checked checked = checked(draft);
        OffsetDateTime now = now();
        Realisation realisation = new Realisation(owner, now);
        realisation.fill(checked, now);
        em.persist(realisation);
        em.flush();
        studentChanged(owner, courseId, realisation, "CREATED");
        return realisation.view(List.of(), List.of());
    }

    public RealisationView update(PortfolioOwner owner, long courseId, long id, RealisationDraft draft) {
        RealisationDraft.Checked checked = checked(draft);
        Realisation realisation = owned(owner, id);
        realisation.fill(checked, now());
        em.flush();
        studentChanged(owner, courseId, realisation, "UPDATED");
        return views(List.of(realisation), new Reader(true, courseId)).getFirst();
    }

    /** Gone from the portfolio and its papers; the audit trail keeps its line. */
    public void delete(PortfolioOwner owner, long courseId, long id) {
        Realisation realisation = owned(owner, id);
        studentChanged(owner, courseId, realisation, "DELETED");
        em.remove(realisation);
    }

    /**
     * Attaches an activity of the course the student works from, or one of their pieces of evidence in it, to one of
     * their réalisations; the same one twice is kept once. 404 for anything not theirs or not in that course.
     */
    public RealisationView attach(PortfolioOwner owner, long courseId, long id, long activityId, Long evidenceId) {
        Realisation realisation = owned(owner, id);
        attachments.attach(realisation.id, owner.userId(), courseId, activityId, evidenceId, now());
        studentChanged(owner, courseId, realisation, "ATTACHED");
        return views(List.of(realisation), new Reader(true, courseId)).getFirst();
    }

    /** An activity of the course, or a piece of the student's evidence in it, that may be attached. */
    public record Attachable(long activityId, Long evidenceId, String label) {
    }

    public List<Attachable> attachable(long courseId, long studentUserId) {
        return attachments.attachable(courseId, studentUserId);
    }

    public RealisationView detach(PortfolioOwner owner, long courseId, long id, long attachmentId) {
        Realisation realisation = owned(owner, id);
        if (!attachments.detach(realisation.id, attachmentId)) {
            throw notFound();
        }
        studentChanged(owner, courseId, realisation, "DETACHED");
        return views(List.of(realisation), new Reader(true, courseId)).getFirst();
    }

    private void studentChanged(PortfolioOwner owner, long courseId, Realisation realisation, String change) {
        audit.record(new AuditEvent.PortfolioChanged(owner.platformId(), courseId, owner.userId(), "STUDENT",
                owner.userId(), realisation.id, change, List.copyOf(new java.util.TreeSet<>(realisation.skills)), null));
    }

    private void teacherChanged(TeacherInCourse teacher, Realisation realisation, String change, String status) {
        audit.record(new AuditEvent.PortfolioChanged(teacher.platformId(), teacher.courseId(), teacher.userId(),
                "TEACHER", realisation.studentUserId, realisation.id, change, List.of(), status));
    }

    private RealisationDraft.Checked checked(RealisationDraft draft) {
        if (draft == null) {
            throw new ProblemException(400, "portfolio-body-missing",
                    LocalizedText.of("Corps de requête manquant", "Request body missing"),
                    LocalizedText.of("Envoyez la réalisation en JSON.", "Send the réalisation as JSON."));
        }
        List<ProblemException.Problem> problems = new ArrayList<>();
        RealisationDraft.Checked checked = draft.check(catalogue().codes(), problems);
        if (checked == null) {
            throw new ProblemException(422, "portfolio-invalid",
                    LocalizedText.of("Réalisation à corriger", "Réalisation to correct"),
                    LocalizedText.of("Certaines valeurs ne conviennent pas : corrigez-les puis enregistrez de nouveau.",
                            "Some values are not acceptable: correct them, then save again."), problems);
        }
        return checked;
    }

    private Realisation owned(PortfolioOwner owner, long id) {
        Realisation realisation = em.find(Realisation.class, id);
        if (realisation == null || !realisation.ownedBy(owner)) {
            throw notFound();
        }
        return realisation;
    }

    static ProblemException notFound() {
        return new ProblemException(404, "portfolio-not-found",
                LocalizedText.of("Portfolio introuvable", "Portfolio not found"),
                LocalizedText.of("Ce portfolio ou cette réalisation n’existe pas, ou vous n’y avez pas accès.",
                        "This portfolio or réalisation does not exist, or you have no access to it."));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
