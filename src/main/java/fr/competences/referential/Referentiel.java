package fr.competences.referential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A stored référentiel (its items are {@link ReferentielItem}s). */
@Entity
@Table(name = "referentiel")
@NamedQuery(name = Referentiel.BY_CODE, query = "select r from Referentiel r where r.code = :code")
@NamedQuery(name = Referentiel.ALL, query = "select r from Referentiel r order by r.builtIn desc, r.title")
public class Referentiel {

    static final String BY_CODE = "Referentiel.byCode";
    static final String ALL = "Referentiel.all";

    @Id
    @SequenceGenerator(name = "referentiel_seq", sequenceName = "referentiel_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referentiel_seq")
    Long id;

    @Column(nullable = false, unique = true)
    String code;

    @Column(nullable = false)
    String title;

    String description;

    @Column(name = "version_label")
    String version;

    @Column(name = "source_url")
    String sourceUrl;

    @Column(nullable = false)
    String language;

    @Column(name = "case_identifier", nullable = false)
    String caseIdentifier;

    @Column(name = "built_in", nullable = false)
    boolean builtIn;

    /** OffsetDateTime: EclipseLink 5 mis-converts Instant read from a timestamp with time zone. */
    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    protected Referentiel() {
    }

    Referentiel(ReferentielTree tree, Instant now) {
        this.code = tree.code();
        this.title = tree.title();
        this.description = tree.description();
        this.version = tree.version();
        this.sourceUrl = tree.sourceUrl();
        this.language = tree.language() == null ? "fr" : tree.language();
        this.caseIdentifier = tree.caseIdentifier().toString();
        this.builtIn = tree.builtIn();
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    UUID caseUuid() {
        return UUID.fromString(caseIdentifier);
    }
}
