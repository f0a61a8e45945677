package fr.competences.admin;

import fr.competences.audit.Audit;
import fr.competences.audit.AuditEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs every admin API call that presented the right token, with its answer: method, path (never the query string
 * nor a header, so never the token) and status, and the resource created if any. Changes made through the API log
 * their own line in their transaction; this one says the administrator asked, reads and exports included. Refused
 * tokens are not written to the database (the server log has them), so that nobody without the token can fill it.
 */
@Provider
@AdminOnly
@Priority(Priorities.USER)
public class AdminCallAudit implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(AdminCallAudit.class.getName());

    @Inject
    Calls calls;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(AdminTokenFilter.AUTHENTICATED) == null) {
            return;
        }
        AuditEvent.AdminCalled call = new AuditEvent.AdminCalled(request.getMethod(),
                "/" + request.getUriInfo().getPath(), response.getStatus(),
                response.getLocation() == null ? null : response.getLocation().getPath());
        try {
            calls.record(call);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Appel d'administration non journalisé : " + call.method() + " " + call.path(), e);
        }
    }

    /** The call's line, in a transaction of its own: the call's own transaction, if any, has ended. */
    @ApplicationScoped
    public static class Calls {

        @Inject
        Audit audit;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void record(AuditEvent.AdminCalled call) {
            audit.record(call);
        }
    }
}
