package fr.competences.audit.web;

import fr.competences.admin.AdminOnly;
import fr.competences.audit.AuditEvent;
import fr.competences.audit.AuditLog;
import fr.competences.audit.AuditPurgeJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The whole log for the administrator: every course, platform and admin action, filtered and paged, as ids and plain
 * values; and the retention purge on demand (the same as the daily one).
 */
@ApplicationScoped
@Path("api/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@SecurityRequirement(name = "admin")
@Tag(name = "Journal")
public class AdminLogResource {

    static final int PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;

    /** What a purge did: lines before {@code cutoff} removed, under the configured retention. */
    public record Purge(String retention, Instant cutoff, long removed) {
    }

    @Inject
    AuditLog log;

    @Inject
    AuditPurgeJob purge;

    @GET
    @Operation(summary = "Journal d’audit complet, le plus récent d’abord, par pages (100 lignes par défaut, 500 au plus)")
    public AuditLog.Lines lines(
            @Parameter(description = "identifiant de plateforme") @QueryParam("platform") Long platform,
            @Parameter(description = "identifiant de cours") @QueryParam("course") Long course,
            @Parameter(description = "identifiant d’activité") @QueryParam("activity") Long activity,
            @Parameter(description = "utilisateur : lignes où il agit ou qui le concernent") @QueryParam("user") Long user,
            @Parameter(description = "action (LAUNCH, ADMIN_CALL, PLATFORM_REGISTERED…)") @QueryParam("action") String action,
            @Parameter(description = "à partir de ce jour (AAAA-MM-JJ) ou de cet instant") @QueryParam("from") String from,
            @Parameter(description = "jusqu’à ce jour inclus (AAAA-MM-JJ) ou cet instant exclu") @QueryParam("to") String to,
            @Parameter(description = "page, à partir de 1") @QueryParam("page") Integer page,
            @Parameter(description = "lignes par page") @QueryParam("size") Integer size) {
        return log.find(new AuditLog.Filter(course, platform, activity, null, user, LogQuery.action(action, false),
                LogQuery.from(from), LogQuery.to(to)), LogQuery.page(page, size, PAGE_SIZE, MAX_PAGE_SIZE));
    }

    @POST
    @Path("purge")
    @Operation(summary = "Supprime maintenant les lignes plus anciennes que la durée de conservation (AUDIT_RETENTION), "
            + "comme la purge quotidienne")
    public Purge purge() {
        AuditEvent.Purged purged = purge.purgeNow();
        return new Purge(purged.retention(), purged.cutoff().toInstant(), purged.removed());
    }
}
