package fr.competences.lti.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Thrown while resolving or connecting when an address is refused by the {@link OutboundRules}. An
 * {@link UnknownHostException} because that is what Apache HttpClient's resolver may throw; the tool reports it as
 * {@link OutboundException.Reason#ADDRESS_REFUSED}.
 */
final class AddressRefusedException extends UnknownHostException {

    AddressRefusedException(String host, InetAddress address, AddressKind kind) {
        super(host + " → " + address.getHostAddress() + " : adresse refusée, " + kind.french + " (" + kind.english
                + " address refused)");
    }
}
