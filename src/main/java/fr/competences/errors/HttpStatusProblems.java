package fr.competences.errors;

import java.util.Map;

/** The refusals HTTP itself defines (unknown path, wrong method or media type...), in our words. */
final class HttpStatusProblems {

    private static final Map<Integer, LocalizedText[]> KNOWN = Map.of(
            400, new LocalizedText[] {LocalizedText.of("Requête incorrecte", "Bad request"),
                    LocalizedText.of("La requête est mal formée (un en-tête ou un paramètre illisible) : vérifiez-la "
                                    + "(voir /openapi).",
                            "The request is malformed (an unreadable header or parameter): check it (see /openapi).")},
            404, new LocalizedText[] {LocalizedText.of("Page introuvable", "Not found"),
                    LocalizedText.of("Cette adresse n'existe pas. Revenez à l'accueil de l'outil.",
                            "This address does not exist. Go back to the tool's home page.")},
            405, new LocalizedText[] {LocalizedText.of("Méthode non autorisée", "Method not allowed"),
                    LocalizedText.of("Cette adresse n'accepte pas cette méthode HTTP.",
                            "This address does not accept this HTTP method.")},
            406, new LocalizedText[] {LocalizedText.of("Format non disponible", "Not acceptable"),
                    LocalizedText.of("Le format demandé (en-tête Accept) n'est pas proposé ici.",
                            "The requested format (Accept header) is not offered here.")},
            415, new LocalizedText[] {LocalizedText.of("Type de contenu non pris en charge", "Unsupported media type"),
                    LocalizedText.of("Envoyez le contenu avec un Content-Type accepté (voir /openapi).",
                            "Send the content with an accepted Content-Type (see /openapi).")});

    private HttpStatusProblems() {
    }

    /** The refusal for a 4xx status. */
    static ProblemException of(int status) {
        LocalizedText[] text = KNOWN.getOrDefault(status, new LocalizedText[] {
                LocalizedText.of("Requête refusée", "Request refused"),
                LocalizedText.of("La requête n'a pas pu être traitée (HTTP " + status + ").",
                        "The request could not be processed (HTTP " + status + ").")});
        return new ProblemException(status, "http-" + status, text[0], text[1]);
    }
}
