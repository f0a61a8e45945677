package fr.competences.referential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A bloc, compétence or savoir-faire. Stored flat with a parent link and a position in document
 * order, so that a whole tree loads with one query and is assembled in memory.
 */
@Entity
@Table(name = "referentiel_item")
@NamedQuery(name = ReferentielItem.OF_REFERENTIEL,
        query = "select i from ReferentielItem i where i.referentiel = :referentiel order by i.position")
@NamedQuery(name = ReferentielItem.COUNTS,
        query = "select i.referentiel.id, i.kind, count(i) from ReferentielItem i group by i.referentiel.id, i.kind")
public class ReferentielItem {

    static final String OF_REFERENTIEL = "ReferentielItem.ofReferentiel";
    static final String COUNTS = "ReferentielItem.counts";

    @Id
    @SequenceGenerator(name = "referentiel_item_seq", sequenceName = "referentiel_item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referentiel_item_seq")
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "referentiel_id")
    Referentiel referentiel;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    ReferentielItem parent;

    /** The same foreign key, read-only: assembling a tree needs the id, not the parent entity. */
    @Column(name = "parent_id", insertable = false, updatable = false)
    Long parentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    ItemKind kind;

    @Column(nullable = false)
    String code;

    @Column(nullable = false)
    String title;

    @Column(name = "short_title")
    String shortTitle;

    @Enumerated(EnumType.STRING)
    @Column(name = "option_code", nullable = false)
    ItemOption option;

    @Column(nullable = false)
    int position;

    @Column(name = "case_identifier", nullable = false)
    String caseIdentifier;

    protected ReferentielItem() {
    }

    ReferentielItem(Referentiel referentiel, ReferentielItem parent, ReferentielTree.Item item, int position) {
        this.referentiel = referentiel;
        this.parent = parent;
        this.kind = item.kind();
        this.code = item.code();
        this.title = item.title();
        this.shortTitle = item.shortTitle();
        this.option = item.option();
        this.position = position;
        this.caseIdentifier = item.caseIdentifier().toString();
    }

    Long parentId() {
        return parentId;
    }
}
