package fr.competences.input;

import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;

/** The refusals of request bodies: unreadable, of the wrong shape, too large, without a Content-Type. */
final class BodyProblems {

    private static final LocalizedText UNREADABLE = LocalizedText.of("Contenu illisible", "Unreadable content");

    private BodyProblems() {
    }

    static ProblemException malformed(String parserMessage) {
        return new ProblemException(400, "body-unreadable", UNREADABLE, LocalizedText.of(
                "Le JSON envoyé est mal formé (UTF-8, " + JsonInput.MAX_DEPTH + " niveaux d’imbrication au plus ; "
                        + "détail du lecteur JSON, en anglais : " + parserMessage + ").",
                "The JSON sent is malformed (UTF-8, at most " + JsonInput.MAX_DEPTH + " levels of nesting): "
                        + parserMessage));
    }

    static ProblemException wrongShape(boolean objectExpected, String received) {
        String french = objectExpected ? "un objet JSON { … }" : "un tableau JSON [ … ]";
        String english = objectExpected ? "a JSON object { … }" : "a JSON array [ … ]";
        return new ProblemException(400, "body-unreadable", UNREADABLE, LocalizedText.of(
                "Cette adresse attend " + french + ", pas " + frenchKind(received) + " (voir /openapi).",
                "This address expects " + english + ", not " + received.toLowerCase(java.util.Locale.ROOT)
                        + " (see /openapi)."));
    }

    static ProblemException wrongTypes(String binderMessage) {
        return new ProblemException(400, "body-unreadable", UNREADABLE, LocalizedText.of(
                "Un champ du JSON envoyé n’a pas le type attendu (voir /openapi). Détail du lecteur JSON (en "
                        + "anglais) : " + binderMessage,
                "A field of the JSON sent does not have the expected type (see /openapi): " + binderMessage));
    }

    static ProblemException numberMisfit(String field) {
        return new ProblemException(400, "body-unreadable", UNREADABLE, LocalizedText.of(
                "Le champ « " + field + " » attend un nombre entier de taille raisonnable (ou un nombre fini) : "
                        + "corrigez sa valeur (voir /openapi).",
                "The field \"" + field + "\" expects a whole number of reasonable size (or a finite number): correct "
                        + "its value (see /openapi)."));
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "body-too-large",
                LocalizedText.of("Contenu trop volumineux", "Content too large"),
                LocalizedText.of("Cette adresse accepte " + size(limit, true) + " au plus : envoyez moins de données.",
                        "This address accepts " + size(limit, false) + " at most: send less data."));
    }

    static ProblemException contentTypeMissing() {
        return new ProblemException(415, "content-type-missing",
                LocalizedText.of("Type de contenu manquant", "Content type missing"),
                LocalizedText.of("Le contenu envoyé n’a pas d’en-tête Content-Type : indiquez son type (voir /openapi).",
                        "The content sent has no Content-Type header: state its type (see /openapi)."));
    }

    static ProblemException charsetUnknown(String charset) {
        String shown = charset.length() > 40 ? charset.substring(0, 40) + "…" : charset;
        return new ProblemException(415, "charset-unknown",
                LocalizedText.of("Jeu de caractères inconnu", "Unknown character set"),
                LocalizedText.of("Le Content-Type annonce le jeu de caractères « " + shown + " », inconnu ici : "
                        + "envoyez le contenu en UTF-8 (charset=UTF-8).", "The Content-Type announces the character "
                        + "set \"" + shown + "\", unknown here: send the content as UTF-8 (charset=UTF-8)."));
    }

    /** 10 Mo, 64 Ko: what a user reads, in binary multiples as the limits are. */
    static String size(long bytes, boolean french) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + (french ? " Mo" : " MB");
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + (french ? " Ko" : " KB");
        }
        return bytes + (french ? " octets" : " bytes");
    }

    private static String frenchKind(String valueType) {
        return switch (valueType) {
            case "ARRAY" -> "un tableau";
            case "OBJECT" -> "un objet";
            case "STRING" -> "un texte";
            case "NUMBER" -> "un nombre";
            case "TRUE", "FALSE" -> "un booléen";
            default -> "une valeur " + valueType.toLowerCase(java.util.Locale.ROOT);
        };
    }
}
