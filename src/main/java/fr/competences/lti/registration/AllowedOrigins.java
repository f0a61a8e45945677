package fr.competences.lti.registration;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The platforms allowed to register dynamically ({@code LTI_REGISTRATION_ALLOWED_HOSTS}, comma separated; unset or
 * empty = any), compared as origins: {@code https://moodle.lycee.fr} or {@code https://moodle.lycee.fr:8443}. A
 * plain host name, as earlier versions took, means that host over https on port 443 ({@code moodle.lycee.fr} =
 * {@code https://moodle.lycee.fr}), never any port of it. An entry that is not an origin allows nothing.
 */
record AllowedOrigins(List<Origin> origins, boolean restricted) {

    private static final Logger LOG = Logger.getLogger(AllowedOrigins.class.getName());

    static AllowedOrigins parse(String value) {
        List<String> entries = value == null ? List.of() : Arrays.stream(value.split(","))
                .map(String::trim).filter(entry -> !entry.isEmpty()).toList();
        List<Origin> origins = entries.stream().map(AllowedOrigins::origin).flatMap(Optional::stream).toList();
        return new AllowedOrigins(origins, !entries.isEmpty());
    }

    private static Optional<Origin> origin(String entry) {
        Optional<Origin> origin = Origin.parse(entry.contains("://") ? entry : "https://" + entry);
        if (origin.isEmpty()) {
            LOG.warning(() -> "LTI_REGISTRATION_ALLOWED_HOSTS : « " + entry + " » n'est pas une origine "
                    + "(https://hôte[:port]) ; ignorée.");
        }
        return origin;
    }

    boolean allows(Origin origin) {
        return !restricted || origins.contains(origin);
    }
}
