package fr.competences.lti.ags;

import fr.competences.lti.registration.RegisteredPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.math.BigDecimal;
import fr.competences.lti.outbound.OutboundRequest;
import fr.competences.lti.outbound.OutboundResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Line item service (https://www.imsglobal.org/spec/lti-ags/v2p0/#line-item-service): find a resource link's line
 * item when the launch had none (Moodle sends {@code lineitem} only when exactly one is coupled, P-7) and create
 * one; create, rename and delete the tool's own columns (competency columns). With "grade sync only" Moodle grants
 * no {@code lineitem} scope and answers 401 (P-6): the caller explains it.
 */
@ApplicationScoped
public class LineItems {

    public static final String SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    public static final String READ_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    static final String CONTAINER_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    static final String MEDIA_TYPE = "application/vnd.ims.lis.v2.lineitem+json";

    public record LineItem(String id, String label, BigDecimal scoreMaximum, String resourceLinkId, String resourceId,
            String tag) {
    }

    @Inject
    AccessTokens tokens;

    /** The line items of a resource link (Moodle filters on its lti instance id, P-11b). */
    public List<LineItem> ofResourceLink(RegisteredPlatform platform, String lineItemsUrl, String resourceLinkId) {
        String url = ServiceUrls.withQuery(lineItemsUrl, Map.of("resource_link_id", resourceLinkId, "limit", "100"));
        return PlatformHttp.pages(tokens, platform, Set.of(READ_SCOPE), url, CONTAINER_TYPE,
                JsonStructure::asJsonArray, LineItems::lineItem);
    }

    /** The line items the tool created for {@code resourceId} with this {@code tag} (Moodle filters on both, P-11). */
    public List<LineItem> ofResource(RegisteredPlatform platform, String lineItemsUrl, String resourceId, String tag) {
        String url = ServiceUrls.withQuery(lineItemsUrl, Map.of("resource_id", resourceId, "tag", tag, "limit", "100"));
        return PlatformHttp.pages(tokens, platform, Set.of(READ_SCOPE), url, CONTAINER_TYPE,
                JsonStructure::asJsonArray, LineItems::lineItem).stream()
                .filter(item -> resourceId.equals(item.resourceId()) && tag.equals(item.tag())).toList();
    }

    /** Creates a line item; a refusal (401/403 with "grade sync only") is a {@link ServiceException}. */
    public LineItem create(RegisteredPlatform platform, String lineItemsUrl, LineItem item) {
        return send(platform, OutboundRequest.post(URI.create(lineItemsUrl), MEDIA_TYPE, json(item))
                .header("Accept", MEDIA_TYPE));
    }

    /**
     * Replaces a line item's label, maximum, resourceId and tag (Moodle needs label and scoreMaximum, and rescales
     * the grades held when the maximum changes, P-11).
     */
    public LineItem update(RegisteredPlatform platform, LineItem item) {
        return send(platform, OutboundRequest.put(URI.create(item.id()), MEDIA_TYPE, json(item))
                .header("Accept", MEDIA_TYPE));
    }

    /** Deletes a line item the tool created; one already gone (404) counts as deleted. */
    public void delete(RegisteredPlatform platform, String lineItemUrl) {
        OutboundResponse response = PlatformHttp.authorized(tokens, platform, Set.of(SCOPE),
                OutboundRequest.delete(URI.create(lineItemUrl)));
        int status = response.status();
        if (status != 200 && status != 204 && status != 404) {
            throw new ServiceException(status, PlatformHttp.excerpt(response.body()));
        }
    }

    private LineItem send(RegisteredPlatform platform, OutboundRequest request) {
        OutboundResponse response = PlatformHttp.authorized(tokens, platform, Set.of(SCOPE), request);
        if (response.status() != 200 && response.status() != 201) {
            throw new ServiceException(response.status(), PlatformHttp.excerpt(response.body()));
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return lineItem(reader.readObject());
        } catch (RuntimeException malformed) {
            throw new ServiceException(502, "unexpected answer: " + PlatformHttp.excerpt(response.body()));
        }
    }

    private static String json(LineItem item) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("label", item.label())
                .add("scoreMaximum", item.scoreMaximum());
        if (item.id() != null) {
            json.add("id", item.id());
        }
        if (item.resourceLinkId() != null) {
            json.add("resourceLinkId", item.resourceLinkId());
        }
        if (item.resourceId() != null) {
            json.add("resourceId", item.resourceId());
        }
        if (item.tag() != null) {
            json.add("tag", item.tag());
        }
        return json.build().toString();
    }

    private static LineItem lineItem(JsonObject json) {
        return new LineItem(json.getString("id"), json.getString("label", null), Results.number(json, "scoreMaximum"),
                json.getString("resourceLinkId", null), json.getString("resourceId", null), json.getString("tag", null));
    }
}
