package fr.competences.web;

import fr.competences.lti.session.CurrentLaunch;
import fr.competences.lti.session.LtiSession;
import fr.competences.lti.session.LtiSessionFilter;
import fr.competences.view.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where the header's "Compétences LTI" link leads inside a session: the user's own course page (the course overview
 * for teachers, "Ma progression" for students), never the public référentiel list, which would leave the session.
 */
@ApplicationScoped
@Path("home")
@LtiSession
public class SessionHome {

    @Inject
    CurrentLaunch current;

    @GET
    @Operation(hidden = true)
    public Response home() {
        String page = current.session().isTeacher() ? "/course/overview" : "/course/progress";
        return Response.seeOther(URI.create(page + "?" + LtiSessionFilter.PARAMETER + "=" + current.token()
                + (Language.isEnglish(current.language()) ? "&lang=en" : ""))).build();
    }
}
