package fr.competences.portfolio;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** One réalisation professionnelle of a student's portfolio, with the fields of the fiche descriptive. */
@Entity
@Table(name = "portfolio_realisation")
@NamedQuery(name = Realisation.OF_OWNER, query = "select r from Realisation r where r.platformId = :platformId "
        + "and r.studentUserId = :studentUserId order by r.setting, r.periodFrom, r.id")
@NamedQuery(name = Realisation.OF_STUDENTS, query = "select r from Realisation r where r.platformId = :platformId "
        + "and r.studentUserId in :ids")
class Realisation {

    static final String OF_OWNER = "Realisation.ofOwner";
    static final String OF_STUDENTS = "Realisation.ofStudents";

    @Id
    @SequenceGenerator(name = "portfolio_realisation_seq", sequenceName = "portfolio_realisation_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portfolio_realisation_seq")
    Long id;

    @Column(name = "platform_id", nullable = false)
    long platformId;

    @Column(name = "student_user_id", nullable = false)
    long studentUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    RealisationSetting setting;

    @Column(nullable = false)
    String title;

    String description;
    String organisation;
    String place;

    @Column(name = "period_from")
    LocalDate periodFrom;

    @Column(name = "period_to")
    LocalDate periodTo;

    @Column(name = "in_team", nullable = false)
    boolean inTeam;

    String conditions;
    String documentary;
    String hardware;
    String software;

    /** Links to the productions, one per line. */
    String productions;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "portfolio_realisation_skill", joinColumns = @JoinColumn(name = "realisation_id"))
    @Column(name = "code")
    Set<String> skills = new TreeSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "review_status")
    ReviewStatus reviewStatus;

    @Column(name = "reviewed_by")
    Long reviewedBy;

    @Column(name = "reviewed_at")
    OffsetDateTime reviewedAt;

    @Column(name = "created_at", nullable = false)
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    OffsetDateTime updatedAt;

    protected Realisation() {
    }

    Realisation(PortfolioOwner owner, OffsetDateTime now) {
        this.platformId = owner.platformId();
        this.studentUserId = owner.userId();
        this.createdAt = now;
    }

    boolean ownedBy(PortfolioOwner owner) {
        return platformId == owner.platformId() && studentUserId == owner.userId();
    }

    /** Takes every field of a checked draft; a teacher's status was about the content before: it is cleared. */
    void fill(RealisationDraft.Checked draft, OffsetDateTime now) {
        review(null, null, null);
        setting = draft.setting();
        title = draft.title();
        description = draft.description();
        organisation = draft.organisation();
        place = draft.place();
        periodFrom = draft.from();
        periodTo = draft.to();
        inTeam = draft.team();
        conditions = draft.conditions();
        documentary = draft.documentary();
        hardware = draft.hardware();
        software = draft.software();
        productions = draft.productions().isEmpty() ? null : String.join("\n", draft.productions());
        skills.clear();
        skills.addAll(draft.skills());
        updatedAt = now;
    }

    void review(ReviewStatus status, Long teacherUserId, OffsetDateTime now) {
        reviewStatus = status;
        reviewedBy = teacherUserId;
        reviewedAt = now;
    }

    List<String> productionLinks() {
        return productions == null ? List.of() : Arrays.stream(productions.split("\n")).toList();
    }

    RealisationView view(List<RealisationView.Comment> comments, List<RealisationView.AttachmentView> attachments) {
        return new RealisationView(id, setting, title, description, organisation, place,
                periodFrom == null ? null : periodFrom.toString(), periodTo == null ? null : periodTo.toString(),
                inTeam, conditions, documentary, hardware, software, productionLinks(), List.copyOf(new TreeSet<>(skills)),
                updatedAt, reviewStatus, reviewedAt, comments, attachments);
    }
}
