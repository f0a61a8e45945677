package fr.competences.lti.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * An activity of a course that launches the tool (Moodle: one "External tool" activity), with its AGS
 * line item when exactly one is coupled (docs/moodle.md P-7) and its custom parameters (JSON).
 */
@Entity
@Table(name = "lti_resource_link")
@NamedQuery(name = ResourceLink.BY_ID_IN_COURSE,
        query = "select l from ResourceLink l where l.course = :course and l.resourceLinkId = :resourceLinkId")
@NamedQuery(name = ResourceLink.OF_COURSE, query = "select l from ResourceLink l where l.course.id = :courseId "
        + "order by l.title, l.resourceLinkId")
public class ResourceLink {

    public static final String BY_ID_IN_COURSE = "ResourceLink.byIdInCourse";
    public static final String OF_COURSE = "ResourceLink.ofCourse";

    @Id
    @SequenceGenerator(name = "lti_resource_link_seq", sequenceName = "lti_resource_link_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lti_resource_link_seq")
    Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "course_id")
    Course course;

    @Column(name = "resource_link_id", nullable = false)
    String resourceLinkId;

    String title;

    @Column(name = "lineitem_url")
    String lineItemUrl;

    @Column(name = "custom_json")
    String customJson;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    protected ResourceLink() {
    }

    public ResourceLink(Course course, String resourceLinkId, OffsetDateTime now) {
        this.course = course;
        this.resourceLinkId = resourceLinkId;
        this.updatedAt = now;
    }

    public void update(String title, String lineItemUrl, String customJson, OffsetDateTime now) {
        if (!java.util.Objects.equals(this.title, title) || !java.util.Objects.equals(this.lineItemUrl, lineItemUrl)
                || !java.util.Objects.equals(this.customJson, customJson)) {
            this.title = title;
            this.lineItemUrl = lineItemUrl;
            this.customJson = customJson;
            this.updatedAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public Long courseId() {
        return course.id;
    }

    public String resourceLinkId() {
        return resourceLinkId;
    }

    public String displayTitle() {
        return title == null || title.isBlank() ? resourceLinkId : title;
    }

    public String lineItemUrl() {
        return lineItemUrl;
    }

    /**
     * Made once: {@code Json.createReader} looks the JSON-P provider up through the class path at every call, the
     * application's first CPU cost in the launch benchmark's profile (docs/performance.md).
     */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    /** The custom parameters of the last launch (Moodle: the activity's, set by deep linking); empty when none. */
    public Map<String, String> custom() {
        if (customJson == null) {
            return Map.of();
        }
        try (JsonReader reader = READERS.createReader(new StringReader(customJson))) {
            Map<String, String> custom = new HashMap<>();
            reader.readObject().forEach((name, value) -> custom.put(name, value instanceof JsonString text
                    ? text.getString() : value.toString()));
            return custom;
        }
    }
}
