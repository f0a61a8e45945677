package fr.competences.lti.registration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hosts allowed to start a dynamic registration ({@code LTI_REGISTRATION_ALLOWED_HOSTS}, comma separated;
 * unset or empty = any host). Registration makes the tool fetch the URL it is given: on a public server, list the
 * LMSs you serve so that nobody else can register or make the tool call other hosts.
 */
record AllowedHosts(Set<String> hosts) {

    static AllowedHosts parse(String value) {
        return new AllowedHosts(value == null ? Set.of() : Arrays.stream(value.split(","))
                .map(host -> host.trim().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty())
                .collect(Collectors.toUnmodifiableSet()));
    }

    boolean allows(String host) {
        return hosts.isEmpty() || (host != null && hosts.contains(host.toLowerCase(Locale.ROOT)));
    }
}
