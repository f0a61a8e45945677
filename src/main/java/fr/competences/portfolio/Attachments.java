package fr.competences.portfolio;

import fr.competences.assessment.Activities;
import fr.competences.assessment.ActivityView;
import fr.competences.assessment.Assessments;
import fr.competences.assessment.Scale;
import fr.competences.assessment.Scales;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.evidence.EvidenceView;
import fr.competences.evidence.Evidences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The activities and evidence attached to réalisations, read through the capabilities that own them (activities,
 * evidence, the teachers' levels and the course's scale): nothing is copied, so a removed activity or piece of
 * evidence leaves the réalisation with it (the database cascades).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class Attachments {

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    Activities activities;

    @Inject
    Evidences evidences;

    @Inject
    Assessments assessments;

    @Inject
    Scales scales;

    void attach(long realisationId, long studentUserId, long courseId, long activityId, Long evidenceId,
            OffsetDateTime now) {
        if (activities.find(courseId, activityId).isEmpty()) {
            throw Portfolios.notFound();
        }
        if (evidenceId != null && evidences.ofStudent(courseId, activityId, studentUserId).stream()
                .noneMatch(e -> e.id() == evidenceId)) {
            throw Portfolios.notFound();
        }
        List<Attachment> existing = of(List.of(realisationId));
        if (existing.stream().anyMatch(a -> a.activityId == activityId && java.util.Objects.equals(a.evidenceId,
                evidenceId))) {
            return;
        }
        if (existing.size() >= Attachment.MAX_PER_REALISATION) {
            throw new ProblemException(422, "portfolio-attachments-full",
                    LocalizedText.of("Trop de rattachements", "Too many attachments"),
                    LocalizedText.of("Une réalisation a au plus " + Attachment.MAX_PER_REALISATION
                            + " activités ou preuves rattachées : retirez-en une d’abord.",
                            "A réalisation has at most " + Attachment.MAX_PER_REALISATION
                                    + " attached activities or evidence: remove one first."));
        }
        em.persist(new Attachment(realisationId, courseId, activityId, evidenceId, now));
        em.flush();
    }

    boolean detach(long realisationId, long attachmentId) {
        Attachment found = em.find(Attachment.class, attachmentId);
        if (found == null || found.realisationId != realisationId) {
            return false;
        }
        em.remove(found);
        return true;
    }

    /** Each réalisation's attachments, with the hints the reader may see. */
    Map<Long, List<RealisationView.AttachmentView>> of(List<Realisation> realisations, Portfolios.Reader reader) {
        Map<Long, Long> students = new HashMap<>();
        realisations.forEach(r -> students.put(r.id, r.studentUserId));
        Map<Long, List<RealisationView.AttachmentView>> views = new HashMap<>();
        for (Attachment attachment : of(List.copyOf(students.keySet()))) {
            long student = students.get(attachment.realisationId);
            Optional<ActivityView> activity = activities.find(attachment.courseId, attachment.activityId);
            if (activity.isEmpty()) {
                continue;
            }
            String evidence = attachment.evidenceId == null ? null
                    : evidences.ofStudent(attachment.courseId, attachment.activityId, student).stream()
                            .filter(e -> e.id() == attachment.evidenceId).findFirst().map(Attachments::label)
                            .orElse(null);
            List<RealisationView.Hint> hints = reader.seesHintsOf(attachment.courseId)
                    ? hints(attachment, student) : List.of();
            views.computeIfAbsent(attachment.realisationId, id -> new ArrayList<>()).add(new RealisationView
                    .AttachmentView(attachment.id, attachment.courseId, attachment.activityId,
                    activity.get().title(), attachment.evidenceId, evidence, hints));
        }
        return views;
    }

    /** What the student may attach from the course: each activity, then each piece of their evidence in it. */
    List<Portfolios.Attachable> attachable(long courseId, long studentUserId) {
        List<Portfolios.Attachable> choices = new ArrayList<>();
        for (ActivityView activity : activities.ofCourse(courseId)) {
            choices.add(new Portfolios.Attachable(activity.id(), null, activity.title()));
            evidences.ofStudent(courseId, activity.id(), studentUserId).forEach(e -> choices.add(
                    new Portfolios.Attachable(activity.id(), e.id(), activity.title() + " — " + label(e))));
        }
        return choices;
    }

    private List<RealisationView.Hint> hints(Attachment attachment, long student) {
        Scale scale = scales.of(attachment.courseId);
        Map<String, Integer> levels = new TreeMap<>(assessments.sheet(attachment.courseId, attachment.activityId,
                student).levels());
        return levels.entrySet().stream().filter(e -> e.getValue() != null).map(e -> new RealisationView.Hint(
                e.getKey(), e.getValue(), scale.level(e.getValue()).label())).toList();
    }

    private List<Attachment> of(List<Long> realisationIds) {
        if (realisationIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Attachment.OF_REALISATIONS, Attachment.class).setParameter("ids", realisationIds)
                .getResultList();
    }

    /** "fichier rapport.pdf", "lien https://…", or the text's start. */
    static String label(EvidenceView evidence) {
        if (evidence.fileName() != null) {
            return evidence.fileName();
        }
        if (evidence.url() != null) {
            return evidence.url();
        }
        String text = evidence.text() == null ? "" : evidence.text();
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
