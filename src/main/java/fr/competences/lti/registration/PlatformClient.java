package fr.competences.lti.registration;

import fr.competences.input.JsonInput;
import fr.competences.lti.LtiError;
import fr.competences.lti.LtiException;
import fr.competences.lti.outbound.OutboundException;
import fr.competences.lti.outbound.OutboundHttp;
import fr.competences.lti.outbound.OutboundRequest;
import fr.competences.lti.outbound.OutboundResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The HTTP calls of dynamic registration: read the platform's OpenID configuration, post the tool's registration.
 * The URL comes from whoever opened the registration, so each registration is one {@link Exchange} on addresses
 * resolved once and vetted ({@link OutboundHttp#pinned()}), and a configuration that cannot be read is reported in
 * one sentence whatever the cause: a closed port, a refused address and a service that does not speak HTTP look the
 * same from outside (the log says which).
 */
@ApplicationScoped
class PlatformClient {

    private static final Logger LOG = Logger.getLogger(PlatformClient.class.getName());
    static final int MAX_ANSWER_BYTES = 256 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    OutboundHttp outbound;

    Exchange exchange() {
        return new Exchange(outbound.pinned());
    }

    /** One registration's requests; close it after use. */
    static final class Exchange implements AutoCloseable {

        private final OutboundHttp.Pinned http;

        private Exchange(OutboundHttp.Pinned http) {
            this.http = http;
        }

        JsonObject configuration(URI uri) {
            try {
                OutboundResponse response = http.send(request(OutboundRequest.get(uri)));
                if (response.status() != 200) {
                    throw new JsonException("HTTP " + response.status());
                }
                return object(response.body());
            } catch (OutboundException | JsonException | ClassCastException | IllegalStateException e) {
                LOG.warning(() -> "Configuration de plateforme illisible (" + uri.getHost() + ") : " + e.getMessage());
                throw new LtiException(LtiError.REGISTRATION_CONFIGURATION_UNREADABLE);
            }
        }

        JsonObject register(URI endpoint, JsonObject registration, String bearerToken) {
            OutboundRequest request = request(OutboundRequest.post(endpoint, "application/json",
                    registration.toString()));
            if (bearerToken != null && !bearerToken.isBlank()) {
                request = request.header("Authorization", "Bearer " + bearerToken);
            }
            OutboundResponse response;
            try {
                response = http.send(request);
            } catch (OutboundException e) {
                LOG.warning(() -> "Enregistrement non transmis (" + endpoint.getHost() + ") : " + e.getMessage());
                throw new LtiException(LtiError.REGISTRATION_PLATFORM_FAILED, "pas de réponse / no answer");
            }
            if (response.status() / 100 != 2) {
                throw new LtiException(LtiError.REGISTRATION_PLATFORM_FAILED, "HTTP " + response.status());
            }
            try {
                return object(response.body());
            } catch (JsonException | ClassCastException | IllegalStateException e) {
                throw new LtiException(LtiError.REGISTRATION_PLATFORM_FAILED, "réponse illisible / unreadable answer");
            }
        }

        private static OutboundRequest request(OutboundRequest request) {
            return request.header("Accept", "application/json").header("User-Agent", "competences-lti")
                    .timeout(TIMEOUT).maxAnswerBytes(MAX_ANSWER_BYTES);
        }

        /** A platform's answer, read with the nesting limit of everything the tool reads from outside. */
        private static JsonObject object(String body) {
            return JsonInput.readObject(new StringReader(body));
        }

        @Override
        public void close() {
            http.close();
        }
    }
}
