package fr.competences.privacy;

import fr.competences.lti.session.LtiSession;
import fr.competences.view.Language;
import fr.competences.view.Pages;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The privacy page (French, {@code ?lang=en} English), linked from every page's footer and public: what the tool
 * stores, why, how long (the retention actually set), who sees it, and how to ask for a copy or an erasure; and the
 * pages' « Mes données » link, which downloads the archive (a refusal shows as a page, not as JSON).
 */
@Path("privacy")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class PrivacyPage {

    @Inject
    Pages pages;

    @Inject
    RetentionSettings settings;

    @Inject
    SessionExports exports;

    @Context
    UriInfo uri;

    @GET
    @Operation(hidden = true)
    public String page() {
        Locale locale = Language.ofPage(uri);
        boolean english = Language.isEnglish(locale);
        Map<String, Object> model = new HashMap<>();
        settings.retentionOrKeep().ifPresent(retention -> model.put("retention", retention.describe(english)));
        settings.contact().ifPresent(contact -> model.put("contact", contact));
        return pages.render("privacy", locale, model);
    }

    @GET
    @Path("export")
    @LtiSession
    @Produces("application/zip")
    // Documented rather than hidden: Payara logs a SEVERE error for the parameters of a hidden operation.
    @Operation(summary = "Lien « Mes données » des pages : la même archive que GET /api/privacy/export")
    public Response export(@QueryParam("student") Long student) {
        return exports.archive(student);
    }
}
