package fr.competences.web;

import fr.competences.view.Language;
import fr.competences.view.Pages;
import fr.competences.referential.ReferentielTree;
import fr.competences.referential.Referentiels;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The public pages: the référentiels and, for one of them, its navigable tree. */
@Path("")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class HomePage {

    @Inject
    Referentiels referentiels;

    @Inject
    Pages pages;

    @Context
    UriInfo uri;

    @GET
    @Operation(hidden = true)
    public String home() {
        List<Referentiels.Summary> all = referentiels.list();
        return page(all, all.isEmpty() ? null : referentiels.tree(all.get(0).id()).orElse(null));
    }

    @GET
    @Path("referentiels/{id}")
    @Operation(hidden = true)
    public String referentiel(@PathParam("id") String id) {
        ReferentielTree tree = referentiels.tree(id).orElseThrow(NotFoundException::new);
        return page(referentiels.list(), tree);
    }

    private String page(List<Referentiels.Summary> all, ReferentielTree tree) {
        Locale locale = Language.ofPage(uri);
        boolean english = Language.isEnglish(locale);
        Map<String, Object> model = new HashMap<>();
        model.put("referentiels", all.stream().map(summary -> Map.of(
                "id", summary.id(), "title", summary.title(),
                "current", tree != null && summary.id().equals(tree.code()))).toList());
        if (tree != null) {
            model.put("tree", Map.of(
                    "id", tree.code(), "title", tree.title(),
                    "description", tree.description() == null ? "" : tree.description(),
                    "counts", tree.counts(),
                    "blocs", ReferentielNodes.blocs(tree, english)));
        }
        return pages.render("home", locale, model);
    }
}
