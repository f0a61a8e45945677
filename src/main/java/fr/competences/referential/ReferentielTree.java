package fr.competences.referential;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A whole référentiel as a value: what import formats produce, export formats consume and the API
 * returns. Blocs hold compétences, which hold savoir-faire.
 */
public record ReferentielTree(
        String code,
        String title,
        String description,
        String version,
        String sourceUrl,
        String language,
        UUID caseIdentifier,
        boolean builtIn,
        List<Item> blocs) {

    public ReferentielTree {
        blocs = List.copyOf(blocs);
    }

    /** One bloc, compétence or savoir-faire. {@code caseIdentifier} is its CASE CFItem identifier. */
    public record Item(
            ItemKind kind,
            String code,
            String title,
            String shortTitle,
            ItemOption option,
            UUID caseIdentifier,
            List<Item> children) {

        public Item {
            children = List.copyOf(children);
        }

        /** The short title when there is one (the BTS SIO blocs' full titles run to a hundred characters), else the title. */
        public String displayTitle() {
            return shortTitle != null && !shortTitle.isBlank() ? shortTitle : title;
        }

        public Stream<Item> flatten() {
            return Stream.concat(Stream.of(this), children.stream().flatMap(Item::flatten));
        }
    }

    /** Every item, depth first, in document order. */
    public Stream<Item> items() {
        return blocs.stream().flatMap(Item::flatten);
    }

    public Optional<Item> find(String itemCode) {
        return items().filter(item -> item.code().equals(itemCode)).findFirst();
    }

    public long count(ItemKind kind) {
        return items().filter(item -> item.kind() == kind).count();
    }

    public Counts counts() {
        return new Counts(count(ItemKind.BLOC), count(ItemKind.COMPETENCE), count(ItemKind.SAVOIR_FAIRE));
    }

    public record Counts(long blocs, long competences, long savoirFaire) {
    }

    /** Same content under another code and CASE identifier (for tests and copies). */
    public ReferentielTree withIdentity(String newCode, UUID newCaseIdentifier, boolean isBuiltIn) {
        return new ReferentielTree(newCode, title, description, version, sourceUrl, language, newCaseIdentifier,
                isBuiltIn, new ArrayList<>(blocs));
    }
}
