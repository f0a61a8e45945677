package fr.competences.referential;

import fr.competences.audit.Audit;
import fr.competences.audit.AuditEvent;
import fr.competences.errors.LocalizedText;
import fr.competences.errors.ProblemException;
import fr.competences.referential.ReferentielTree.Item;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The référentiels store: lists, reads whole trees, imports and deletes. Holds the transactions; an import or a
 * deletion leaves its line in the audit trail.
 */
@ApplicationScoped
@Transactional
public class Referentiels {

    private static final Logger LOG = Logger.getLogger(Referentiels.class.getName());

    @PersistenceContext(unitName = "competences")
    EntityManager em;

    @Inject
    Audit audit;

    Clock clock = Clock.systemUTC();

    /**
     * Assembled trees by référentiel row id. A stored référentiel never changes (importing again makes a new row with
     * a new id), so an entry never goes stale, on this instance or another sharing the database.
     */
    private final Map<Long, ReferentielTree> trees = new ConcurrentHashMap<>();

    /** A référentiel without its items, for lists. */
    public record Summary(String id, String title, String version, boolean builtIn, Instant createdAt,
            ReferentielTree.Counts counts) {
    }

    public List<Summary> list() {
        Map<Long, Map<ItemKind, Long>> counts = new HashMap<>();
        for (Object[] row : em.createNamedQuery(ReferentielItem.COUNTS, Object[].class).getResultList()) {
            counts.computeIfAbsent((Long) row[0], id -> new EnumMap<>(ItemKind.class))
                    .put((ItemKind) row[1], ((Number) row[2]).longValue());
        }
        return em.createNamedQuery(Referentiel.ALL, Referentiel.class).getResultList().stream()
                .map(r -> {
                    Map<ItemKind, Long> byKind = counts.getOrDefault(r.id, Map.of());
                    return summary(r, new ReferentielTree.Counts(byKind.getOrDefault(ItemKind.BLOC, 0L),
                            byKind.getOrDefault(ItemKind.COMPETENCE, 0L), byKind.getOrDefault(ItemKind.SAVOIR_FAIRE, 0L)));
                })
                .toList();
    }

    /** When the référentiel last changed: it is stored once, so when it was imported. */
    public Optional<Instant> lastChange(String code) {
        return find(code).map(Referentiel::createdAt);
    }

    /** The whole tree; assembled once per stored référentiel, then kept (pages read it at every request). */
    public Optional<ReferentielTree> tree(String code) {
        return find(code).map(referentiel -> {
            ReferentielTree tree = trees.get(referentiel.id);
            if (tree == null) {
                tree = assemble(referentiel);
                trees.putIfAbsent(referentiel.id, tree);
            }
            return tree;
        });
    }

    public boolean exists(String code) {
        return find(code).isPresent();
    }

    /** Stores a validated tree in one transaction; a clash of code or CASE identifier is a 409. */
    public Summary importTree(ReferentielTree tree) {
        if (exists(tree.code())) {
            throw conflict(LocalizedText.of(
                    "Un référentiel de code « " + tree.code() + " » existe déjà. Choisissez un autre code (paramètre code) "
                            + "ou supprimez l'existant.",
                    "A framework with code \"" + tree.code() + "\" already exists. Choose another code (code parameter) "
                            + "or delete the existing one."));
        }
        Long clash = em.createQuery("select count(r) from Referentiel r where r.caseIdentifier = :id", Long.class)
                .setParameter("id", tree.caseIdentifier().toString()).getSingleResult();
        if (clash > 0) {
            throw conflict(LocalizedText.of(
                    "Ce référentiel (identifiant CASE " + tree.caseIdentifier() + ") est déjà importé.",
                    "This framework (CASE identifier " + tree.caseIdentifier() + ") is already imported."));
        }
        Referentiel referentiel = new Referentiel(tree, clock.instant());
        em.persist(referentiel);
        persistItems(referentiel, null, tree.blocs(), new int[] {0});
        audit.record(new AuditEvent.ReferentielChanged(tree.code(), false, referentiel.builtIn));
        em.flush();
        LOG.info(() -> "Référentiel importé : " + tree.code() + " (" + tree.counts() + ")");
        return summary(referentiel, tree.counts());
    }

    /** Deletes an imported référentiel; the built-in one stays. */
    public boolean delete(String code) {
        Optional<Referentiel> found = find(code);
        found.ifPresent(referentiel -> {
            if (referentiel.builtIn) {
                throw conflict(LocalizedText.of("Le référentiel intégré ne peut pas être supprimé.",
                        "The built-in framework cannot be deleted."));
            }
            // Children first: the parent link is a foreign key inside the same table.
            for (ItemKind kind : List.of(ItemKind.SAVOIR_FAIRE, ItemKind.COMPETENCE, ItemKind.BLOC)) {
                em.createQuery("delete from ReferentielItem i where i.referentiel = :r and i.kind = :kind")
                        .setParameter("r", referentiel).setParameter("kind", kind).executeUpdate();
            }
            em.remove(referentiel);
            trees.remove(referentiel.id);
            audit.record(new AuditEvent.ReferentielChanged(code, true, false));
            LOG.info(() -> "Référentiel supprimé : " + code);
        });
        return found.isPresent();
    }

    private Optional<Referentiel> find(String code) {
        return em.createNamedQuery(Referentiel.BY_CODE, Referentiel.class)
                .setParameter("code", code)
                .getResultStream().findFirst();
    }

    private void persistItems(Referentiel referentiel, ReferentielItem parent, List<Item> items, int[] position) {
        for (Item item : items) {
            ReferentielItem entity = new ReferentielItem(referentiel, parent, item, position[0]++);
            em.persist(entity);
            persistItems(referentiel, entity, item.children(), position);
        }
    }

    private ReferentielTree assemble(Referentiel referentiel) {
        List<ReferentielItem> rows = em.createNamedQuery(ReferentielItem.OF_REFERENTIEL, ReferentielItem.class)
                .setParameter("referentiel", referentiel).getResultList();
        Map<Long, List<ReferentielItem>> byParent = new HashMap<>();
        for (ReferentielItem row : rows) {
            byParent.computeIfAbsent(row.parentId(), id -> new ArrayList<>()).add(row);
        }
        return new ReferentielTree(referentiel.code, referentiel.title, referentiel.description, referentiel.version,
                referentiel.sourceUrl, referentiel.language, referentiel.caseUuid(), referentiel.builtIn,
                children(null, byParent));
    }

    private static List<Item> children(Long parentId, Map<Long, List<ReferentielItem>> byParent) {
        return byParent.getOrDefault(parentId, List.of()).stream()
                .map(row -> new Item(row.kind, row.code, row.title, row.shortTitle, row.option,
                        UUID.fromString(row.caseIdentifier), children(row.id, byParent)))
                .toList();
    }

    private static Summary summary(Referentiel r, ReferentielTree.Counts counts) {
        return new Summary(r.code, r.title, r.version, r.builtIn, r.createdAt(), counts);
    }

    private static ProblemException conflict(LocalizedText detail) {
        return new ProblemException(409, "referentiel-conflict",
                LocalizedText.of("Conflit de référentiel", "Framework conflict"), detail);
    }
}
