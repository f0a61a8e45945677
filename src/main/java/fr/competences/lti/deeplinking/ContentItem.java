package fr.competences.lti.deeplinking;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code ltiResourceLink} content item: the activity Moodle creates (title → name, text → description), the
 * launch URL, custom parameters echoed at every launch of it, and the gradebook column to create.
 * https://www.imsglobal.org/spec/lti-dl/v2p0#lti-resource-link
 */
public record ContentItem(String title, String text, String url, Map<String, String> custom, LineItem lineItem) {

    public static final String TYPE = "ltiResourceLink";

    public ContentItem {
        custom = Map.copyOf(custom);
    }

    /** The line item Moodle couples to the activity when the tool may send grades (P-14). */
    public record LineItem(double scoreMaximum, String label, String resourceId, String tag) {

        /** The tag of an activity's line item; its resourceId is the activity's id. */
        public static final String ACTIVITY_TAG = "competences-lti";
    }

    Map<String, Object> toClaim() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", TYPE);
        item.put("title", title);
        if (text != null) {
            item.put("text", text);
        }
        item.put("url", url);
        item.put("custom", custom);
        if (lineItem != null) {
            item.put("lineItem", Map.of("scoreMaximum", lineItem.scoreMaximum(), "label", lineItem.label(),
                    "resourceId", lineItem.resourceId(), "tag", lineItem.tag()));
        }
        return item;
    }
}
