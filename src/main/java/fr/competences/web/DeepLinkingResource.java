package fr.competences.web;

import fr.competences.assessment.Activities;
import fr.competences.assessment.ActivityDraft;
import fr.competences.assessment.ActivityView;
import fr.competences.config.Settings;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.input.BodyLimit;
import fr.competences.lti.course.CourseRole;
import fr.competences.lti.deeplinking.ContentItem;
import fr.competences.lti.deeplinking.DeepLinkingResponse;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import fr.competences.lti.session.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The answer to Moodle's "Select content": creates the activities the teacher described, all or nothing, and
 * returns the signed deep linking response the page posts to the platform (field {@code JWT}). Each activity
 * becomes an {@code ltiResourceLink} whose custom parameter {@value LaunchedActivity#CUSTOM_ACTIVITY_ID} leads
 * its launches back to it, with a line item (maximum grade, resourceId = activity id) for the gradebook.
 */
@ApplicationScoped
@Path("api/deep-linking")
@Produces(MediaType.APPLICATION_JSON)
@LtiSession(CourseRole.TEACHER)
@Tag(name = "LTI")
public class DeepLinkingResource {

    static final String LINE_ITEM_TAG = ContentItem.LineItem.ACTIVITY_TAG;

    /** The activities to add to the course. */
    public record Request(List<ActivityDraft> activities) {
    }

    /** Where to post {@code jwt} (form field JWT), and what was created. */
    public record Answer(String returnUrl, String jwt, List<ActivityView> activities) {
    }

    @Inject
    CurrentLaunch current;

    @Inject
    Activities activities;

    @Inject
    DeepLinkingResponse response;

    @Inject
    Settings settings;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Crée les activités et signe la réponse de Deep Linking à poster à la plateforme")
    @APIResponse(responseCode = "409", description = "La session n'est pas une demande de sélection de contenu")
    @APIResponse(responseCode = "422", description = "Valeurs à corriger, listées dans errors")
    @BodyLimit(1024 * 1024) // several activities, each with up to 4,000 characters of instructions
    public Answer answer(Request request) {
        Session session = current.session();
        if (session.deepLinkReturnUrl() == null) {
            throw new ProblemException(409, "not-deep-linking",
                    LocalizedText.of("Pas de sélection de contenu en cours", "No content selection in progress"),
                    LocalizedText.of("Ajoutez une activité depuis Moodle (« Sélectionner un contenu » de l’outil) : "
                                    + "cette page répond à cette demande.",
                            "Add an activity from Moodle (the tool's \"Select content\"): this page answers that request."));
        }
        if (request == null || request.activities() == null || request.activities().isEmpty()) {
            throw new ProblemException(422, "activities-missing",
                    LocalizedText.of("Aucune activité", "No activity"),
                    LocalizedText.of("Décrivez au moins une activité à ajouter au cours.",
                            "Describe at least one activity to add to the course."));
        }
        if (request.activities().size() > 1 && !session.deepLinkMultiple()) {
            throw new ProblemException(422, "one-activity-only",
                    LocalizedText.of("Une seule activité à la fois", "One activity at a time"),
                    LocalizedText.of("La plateforme n’accepte qu’un contenu par sélection (accept_multiple) : ajoutez "
                                    + "les activités une par une.",
                            "The platform accepts one content item per selection (accept_multiple): add the "
                                    + "activities one at a time."));
        }
        List<ActivityView> created = activities.createAll(session.courseId(), session.userId(), request.activities());
        DeepLinkingResponse.Signed signed = response.sign(session, created.stream().map(this::item).toList(), null);
        return new Answer(signed.returnUrl(), signed.jwt(), created);
    }

    private ContentItem item(ActivityView activity) {
        String id = Long.toString(activity.id());
        return new ContentItem(activity.title(), activity.instructions(), settings.publicUrl() + "/lti/launch",
                Map.of(LaunchedActivity.CUSTOM_ACTIVITY_ID, id),
                new ContentItem.LineItem(activity.scoreMaximum(), activity.title(), id, LINE_ITEM_TAG));
    }
}
