package fr.competences.lti.outbound;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Checks the address the connection is actually open to, before the first byte of a request is sent on it (new or
 * pooled): the resolver only hands out vetted addresses, and this verifies the socket's peer all the same, so that a
 * path that would bypass the resolver (a proxy, a future HttpClient change) cannot reach a refused address.
 */
final class PeerCheckingExecutor extends HttpRequestExecutor {

    private final OutboundRules rules;

    PeerCheckingExecutor(OutboundRules rules) {
        this.rules = rules;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, HttpClientConnection connection,
            HttpResponseInformationCallback informationCallback, HttpContext context)
            throws IOException, HttpException {
        SocketAddress peer = connection.getRemoteAddress();
        if (!(peer instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            throw new OutboundException(OutboundException.Reason.ADDRESS_REFUSED, "pair inconnu : " + peer, null);
        }
        var refusal = rules.refusal(inet.getAddress());
        if (refusal.isPresent()) {
            throw new AddressRefusedException(request.getAuthority() == null ? "?" : request.getAuthority().getHostName(),
                    inet.getAddress(), refusal.get());
        }
        return super.execute(request, connection, informationCallback, context);
    }
}
