package fr.competences.web;

import fr.competences.referential.boundary.BuiltInReferentiels;
import fr.competences.view.Language;
import fr.competences.view.Pages;
import fr.competences.assessment.ActivityView;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.lti.session.CurrentLaunch;
import fr.competences.referential.ReferentielTree;
import fr.competences.referential.Referentiels;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The activity editor page (title, instructions, maximum grade, skills picked in the searchable référentiel tree
 * with weights) in its three uses: answering Moodle's "Select content" (one or several activities), choosing the
 * skills of a link added without deep linking, and editing an activity. The page's script calls the JSON API.
 */
@RequestScoped
class ActivityEditor {

    enum Mode { DEEP_LINKING, CREATE, EDIT }

    @Inject
    CurrentLaunch current;

    @Inject
    Referentiels referentiels;

    @Inject
    Pages pages;

    String render(Mode mode, ActivityView activity, String course, Locale locale) {
        Map<String, String> t = pages.texts(locale);
        String referentielCode = activity != null ? activity.referentielCode() : BuiltInReferentiels.BTS_SIO_SLAM;
        ReferentielTree tree = referentiels.tree(referentielCode).orElseThrow(() -> new ProblemException(409,
                "referentiel-missing", LocalizedText.of("Référentiel absent", "Framework missing"),
                LocalizedText.of("Le référentiel « " + referentielCode + " » n’est plus chargé : demandez à "
                        + "l’administrateur de l’importer de nouveau.", "The framework \"" + referentielCode
                        + "\" is no longer loaded: ask the administrator to import it again.")));
        String session = current.token();
        String language = Language.isEnglish(locale) ? "&lang=en" : "";
        Map<String, Object> model = new HashMap<>();
        model.put("session", session);
        model.put("course", course);
        model.put("mode", mode.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        model.put("deepLinking", mode == Mode.DEEP_LINKING);
        // Several activities in one answer only where the platform accepts them (accept_multiple).
        model.put("severalActivities", mode == Mode.DEEP_LINKING && current.session().deepLinkMultiple());
        model.put("heading", switch (mode) {
            case DEEP_LINKING -> t.get("editor_heading_deep_linking");
            case CREATE -> t.get("editor_heading_create");
            case EDIT -> t.get("editor_heading_edit") + " « " + activity.title() + " »";
        });
        model.put("lead", t.get("editor_lead_" + mode.name().toLowerCase(Locale.ROOT)));
        model.put("submitLabel", t.get(mode == Mode.DEEP_LINKING ? "editor_submit_deep_linking"
                : mode == Mode.CREATE ? "editor_submit_create" : "editor_submit_edit"));
        model.put("texts", ScriptTexts.json(t));
        model.put("referentiel", tree.code());
        model.put("referentielTitle", tree.title());
        model.put("blocs", ReferentielNodes.blocs(tree, Language.isEnglish(locale)));
        model.put("activityId", activity == null ? "" : Long.toString(activity.id()));
        model.put("version", activity == null ? "" : Integer.toString(activity.version()));
        model.put("activityJson", activity == null ? "" : json(activity));
        model.put("afterUrl", "/activity" + (mode == Mode.EDIT ? "/" + activity.id() : "") + "?lti_session=" + session
                + language);
        return pages.render("activity-editor", locale, model);
    }

    private static String json(ActivityView activity) {
        JsonArrayBuilder skills = Json.createArrayBuilder();
        activity.skills().forEach(skill -> skills.add(Json.createObjectBuilder().add("code", skill.code())
                .add("title", skill.title()).add("weight", skill.weight())));
        return Json.createObjectBuilder().add("title", activity.title())
                .add("instructions", activity.instructions() == null ? "" : activity.instructions())
                .add("scoreMaximum", activity.scoreMaximum()).add("skills", skills).build().toString();
    }
}
