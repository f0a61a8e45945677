package fr.competences.input;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Refuses the NUL character in query parameters and form fields (400): no text column of PostgreSQL can hold it, so
 * it reached the database as an error (a 500) wherever a parameter is stored or looked up. JSON bodies are checked by
 * {@link JsonInput}; the HTTP layer refuses it in paths and headers. A form body is read here (within its
 * {@link BodyLimit}) and handed on unchanged.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 40)
public class NulCharacterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (query != null && holdsNul(query)) {
            throw refusal();
        }
        if (request.getMediaType() != null
                && request.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            byte[] form;
            try {
                form = request.getEntityStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (holdsNul(new String(form, StandardCharsets.ISO_8859_1))) {
                throw refusal();
            }
            request.setEntityStream(new ByteArrayInputStream(form));
        }
    }

    /** NUL, raw or percent-encoded. */
    static boolean holdsNul(String encoded) {
        return encoded.indexOf('\u0000') >= 0 || encoded.toLowerCase(Locale.ROOT).contains("%00");
    }

    private static ProblemException refusal() {
        return new ProblemException(400, "nul-character", LocalizedText.of("Caractère nul", "NUL character"),
                LocalizedText.of("Un paramètre ou un champ contient le caractère nul (%00), qu’aucun texte ne peut "
                                + "contenir : retirez-le.",
                        "A parameter or field holds the NUL character (%00), which no text may hold: remove it."));
    }
}
