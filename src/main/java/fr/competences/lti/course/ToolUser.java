package fr.competences.lti.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A person as a platform identifies them: (issuer, sub). Of the personal data the platform chose to send, only the
 * names are kept, and only the last values sent (the table's {@code email} column stays empty: see {@link #update}).
 */
@Entity
@Table(name = "lti_user")
@NamedQuery(name = ToolUser.BY_SUBJECT,
        query = "select u from ToolUser u where u.issuer = :issuer and u.subject = :subject")
public class ToolUser {

    public static final String BY_SUBJECT = "ToolUser.bySubject";

    @Id
    @SequenceGenerator(name = "lti_user_seq", sequenceName = "lti_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lti_user_seq")
    Long id;

    @Column(nullable = false)
    String issuer;

    @Column(nullable = false)
    String subject;

    String name;

    @Column(name = "given_name")
    String givenName;

    @Column(name = "family_name")
    String familyName;

    @Column(name = "last_launch_at", nullable = false)
    OffsetDateTime lastLaunchAt;

    protected ToolUser() {
    }

    public ToolUser(String issuer, String subject, OffsetDateTime now) {
        this.issuer = issuer;
        this.subject = subject;
        this.lastLaunchAt = now;
    }

    /**
     * Keeps the names sent; a claim the platform did not send leaves the stored value as it is. An e-mail address is
     * never kept, even when the platform sends one: nothing in the tool uses it (data minimisation, RGPD art. 5.1.c).
     */
    public void update(PersonClaims person, OffsetDateTime now) {
        name = person.name() != null ? person.name() : name;
        givenName = person.givenName() != null ? person.givenName() : givenName;
        familyName = person.familyName() != null ? person.familyName() : familyName;
        lastLaunchAt = Touch.later(lastLaunchAt, now);
    }

    public Long id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    /** The family name the platform sent, or null (exam papers print it apart: NOM et prénom). */
    public String familyName() {
        return familyName;
    }

    public String givenName() {
        return givenName;
    }

    /**
     * How class lists order people: family name, then given name (French "NOM Prénom"); without them, the name
     * shown. Two keys for a collator.
     */
    public java.util.List<String> familyOrder(boolean english) {
        if (familyName != null && !familyName.isBlank()) {
            return java.util.List.of(familyName, givenName == null ? "" : givenName);
        }
        return java.util.List.of(displayName(english), "");
    }

    /** The name to show: the full name, else given and family names, else a placeholder with the platform id. */
    public String displayName(boolean english) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        String parts = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
        if (!parts.isEmpty()) {
            return parts;
        }
        return (english ? "User " : "Utilisateur ") + subject;
    }
}
