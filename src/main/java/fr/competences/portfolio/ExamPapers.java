package fr.competences.portfolio;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.lti.course.ToolUser;
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

/**
 * The headers of the exam papers: what a student enters once (candidate number, centre, session, portfolio URL), what
 * a course's teachers enter once as their students' default (centre, session), and the header they make together
 * with the student's names and the exam units.
 */
@ApplicationScoped
@Transactional
public class ExamPapers {

    static final int MIN_SESSION = 2020;
    static final int MAX_SESSION = 2100;

    /** A student's own details; any may be null. */
    public record CandidateDetails(String candidateNumber, String centre, Integer session, String portfolioUrl) {
    }

    /** A course's defaults for its students; either may be null. */
    public record CourseDetails(String centre, Integer session) {
    }

    /** Everything a paper's header prints; blanks are empty strings. */
    public record Header(String session, String familyName, String givenName, String fullName,
            String candidateNumber, String centre, String option, String portfolioUrl, String bloc1Exam,
            String bloc2Exam) {
    }

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    ExamNumbering numbering;

    Clock clock = Clock.systemUTC();

    public CandidateDetails candidate(PortfolioOwner owner) {
        Candidate found = em.find(Candidate.class, new Candidate.Key(owner));
        return found == null ? new CandidateDetails(null, null, null, null)
                : new CandidateDetails(found.candidateNumber, found.centre, found.sessionYear, found.portfolioUrl);
    }

    public CandidateDetails saveCandidate(PortfolioOwner owner, CandidateDetails details) {
        List<ProblemException.Problem> problems = new ArrayList<>();
        String number = text("candidateNumber", details == null ? null : details.candidateNumber(), 30, problems);
        if (number != null && !number.matches("[A-Za-z0-9 -]+")) {
            problems.add(new ProblemException.Problem("candidateNumber", LocalizedText.of(
                    "Le numéro de candidat ne contient que des chiffres, des lettres, des espaces et des tirets.",
                    "The candidate number holds only digits, letters, spaces and dashes.")));
        }
        String centre = text("centre", details == null ? null : details.centre(), 200, problems);
        Integer session = session(details == null ? null : details.session(), problems);
        String url = RealisationDraft.clean(details == null ? null : details.portfolioUrl());
        if (url != null && !RealisationDraft.isWebLink(url)) {
            problems.add(new ProblemException.Problem("portfolioUrl", LocalizedText.of(
                    "L’adresse du portfolio est un lien http(s) d’au plus 500 caractères.",
                    "The portfolio's address is an http(s) link of at most 500 characters.")));
        }
        refuse(problems);
        Candidate candidate = em.find(Candidate.class, new Candidate.Key(owner));
        if (candidate == null) {
            candidate = new Candidate(owner);
            em.persist(candidate);
        }
        candidate.candidateNumber = number;
        candidate.centre = centre;
        candidate.sessionYear = session;
        candidate.portfolioUrl = url;
        candidate.updatedAt = now();
        return candidate(owner);
    }

    public CourseDetails course(long courseId) {
        CourseDefaults found = em.find(CourseDefaults.class, courseId);
        return found == null ? new CourseDetails(null, null) : new CourseDetails(found.centre, found.sessionYear);
    }

    public CourseDetails saveCourse(long courseId, CourseDetails details) {
        List<ProblemException.Problem> problems = new ArrayList<>();
        String centre = text("centre", details == null ? null : details.centre(), 200, problems);
        Integer session = session(details == null ? null : details.session(), problems);
        refuse(problems);
        CourseDefaults defaults = em.find(CourseDefaults.class, courseId);
        if (defaults == null) {
            defaults = new CourseDefaults(courseId);
            em.persist(defaults);
        }
        defaults.centre = centre;
        defaults.sessionYear = session;
        defaults.updatedAt = now();
        return new CourseDetails(centre, session);
    }

    /** The header of a student's papers: their own details first, the course's defaults for what they left blank. */
    public Header header(PortfolioOwner owner, long courseId) {
        CandidateDetails own = candidate(owner);
        CourseDetails course = course(courseId);
        ToolUser user = em.find(ToolUser.class, owner.userId());
        String family = user == null || user.familyName() == null ? "" : user.familyName();
        String given = user == null || user.givenName() == null ? "" : user.givenName();
        String full = user == null ? "" : user.displayName(false);
        Integer session = own.session() != null ? own.session() : course.session();
        String centre = own.centre() != null ? own.centre() : course.centre();
        ExamNumbering.Units units = numbering.units();
        return new Header(session == null ? "" : session.toString(), family, given, full,
                blank(own.candidateNumber()), blank(centre), "SLAM", blank(own.portfolioUrl()),
                units.bloc1().fr(), units.bloc2().fr());
    }

    private static String blank(String text) {
        return text == null ? "" : text;
    }

    private static String text(String field, String value, int max, List<ProblemException.Problem> problems) {
        String text = RealisationDraft.clean(value);
        if (text != null && text.length() > max) {
            problems.add(new ProblemException.Problem(field, LocalizedText.of("Au plus " + max + " caractères.",
                    "At most " + max + " characters.")));
        }
        return text;
    }

    private static Integer session(Integer session, List<ProblemException.Problem> problems) {
        if (session != null && (session < MIN_SESSION || session > MAX_SESSION)) {
            problems.add(new ProblemException.Problem("session", LocalizedText.of(
                    "La session est une année entre " + MIN_SESSION + " et " + MAX_SESSION + ".",
                    "The session is a year between " + MIN_SESSION + " and " + MAX_SESSION + ".")));
        }
        return session;
    }

    private static void refuse(List<ProblemException.Problem> problems) {
        if (!problems.isEmpty()) {
            throw new ProblemException(422, "portfolio-details-invalid",
                    LocalizedText.of("Saisie à corriger", "Input to correct"),
                    LocalizedText.of("Certaines valeurs ne conviennent pas : corrigez-les puis enregistrez de nouveau.",
                            "Some values are not acceptable: correct them, then save again."), problems);
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
