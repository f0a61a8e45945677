package fr.competences.web;

import fr.competences.assessment.Activities;
import fr.competences.assessment.ActivityView;
import fr.competences.lti.course.CourseMembers;
import fr.competences.lti.registration.Registrations;
import fr.competences.lti.session.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The activity a launch opens. A resource link opens the activity it is attached to; an unseen link carrying our
 * {@value #CUSTOM_ACTIVITY_ID} custom parameter (deep linking put it there) is attached at its first launch: to
 * that activity when it is of the same course (deep linking, restore), to a copy of it in this course when it
 * comes from another course of the same platform (Moodle course copy) and the launching teacher also teaches that
 * course: the custom parameter is only a claim that the platform's teachers can write, so a teacher may not read
 * another course's activity through it. Any other link opens nothing yet: the teacher chooses its skills (and a
 * student's launch waits for that, or for the copying teacher's first launch).
 */
@ApplicationScoped
public class LaunchedActivity {

    public static final String CUSTOM_ACTIVITY_ID = "activity_id";
    private static final Logger LOG = Logger.getLogger(LaunchedActivity.class.getName());

    @Inject
    Activities activities;

    @Inject
    CourseMembers members;

    @Inject
    Registrations registrations;

    public Optional<ActivityView> of(Session session) {
        Long linkId = session.resourceLinkId();
        if (linkId == null) {
            return Optional.empty();
        }
        Optional<ActivityView> attached = activities.forLink(session.courseId(), linkId);
        if (attached.isPresent()) {
            return attached;
        }
        try {
            return announced(session, linkId);
        } catch (RuntimeException concurrentFirstLaunch) {
            LOG.fine(() -> "Premier lancement concurrent du lien " + linkId + " : " + concurrentFirstLaunch);
            return activities.forLink(session.courseId(), linkId);
        }
    }

    private Optional<ActivityView> announced(Session session, long linkId) {
        Optional<Long> announcedId = members.link(session.courseId(), linkId)
                .map(link -> link.custom().get(CUSTOM_ACTIVITY_ID)).flatMap(LaunchedActivity::number);
        if (announcedId.isEmpty()) {
            return Optional.empty();
        }
        long activityId = announcedId.get();
        Optional<Long> sourceCourse = activities.courseOf(activityId);
        if (sourceCourse.isEmpty()) {
            return Optional.empty();
        }
        if (sourceCourse.get() == session.courseId()) {
            return Optional.of(activities.attach(session.courseId(), activityId, linkId));
        }
        if (!session.isTeacher()) {
            return Optional.empty();
        }
        if (!samePlatform(session, sourceCourse.get())) {
            LOG.warning(() -> "Lien " + linkId + " : l’activité " + activityId + " appartient à une autre plateforme, "
                    + "ignorée");
            return Optional.empty();
        }
        if (!members.teaches(sourceCourse.get(), session.userId())) {
            LOG.warning(() -> "Lien " + linkId + " : l’utilisateur " + session.userId() + " n’enseigne pas dans le cours "
                    + "de l’activité " + activityId + ", qui n’est pas copiée");
            return Optional.empty();
        }
        return Optional.of(activities.copyInto(session.courseId(), session.userId(), activityId, linkId));
    }

    private boolean samePlatform(Session session, long otherCourseId) {
        return members.course(otherCourseId)
                .flatMap(course -> registrations.find(session.platformId())
                        .map(platform -> platform.admits(course.deploymentId())))
                .orElse(false);
    }

    private static Optional<Long> number(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
