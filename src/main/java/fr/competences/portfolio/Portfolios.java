package fr.competences.portfolio;

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

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    Referentiels referentiels;

    @Inject
    CourseStudents students;

    @Inject
    ExamNumbering numbering;

    Clock clock = Clock.systemUTC();

    /** What réalisations may tick, from the built-in BTS SIO référentiel. */
    public Catalogue catalogue() {
        return Catalogue.of(referentiels.tree(BuiltInReferentiels.BTS_SIO_SLAM).orElseThrow(
                () -> new IllegalStateException("the built-in BTS SIO référentiel is not loaded")));
    }

    public Portfolio read(PortfolioOwner owner, Locale locale) {
        List<RealisationView> realisations = realisations(owner);
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

    public List<RealisationView> realisations(PortfolioOwner owner) {
        return em.createNamedQuery(Realisation.OF_OWNER, Realisation.class)
                .setParameter("platformId", owner.platformId()).setParameter("studentUserId", owner.userId())
                .getResultList().stream().map(Realisation::view).toList();
    }

    public RealisationView realisation(PortfolioOwner owner, long id) {
        return owned(owner, id).view();
    }

    public RealisationView create(PortfolioOwner owner, RealisationDraft draft) {
        RealisationDraft.Checked checked = checked(draft);
        OffsetDateTime now = now();
        Realisation realisation = new Realisation(owner, now);
        realisation.fill(checked, now);
        em.persist(realisation);
        em.flush();
        return realisation.view();
    }

    public RealisationView update(PortfolioOwner owner, long id, RealisationDraft draft) {
        RealisationDraft.Checked checked = checked(draft);
        Realisation realisation = owned(owner, id);
        realisation.fill(checked, now());
        em.flush();
        return realisation.view();
    }

    public void delete(PortfolioOwner owner, long id) {
        em.remove(owned(owner, id));
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
