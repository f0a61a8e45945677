package fr.competences.portfolio;

import fr.competences.audit.Audit;
import fr.competences.audit.AuditEvent;
import fr.competences.lti.roster.CourseStudents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The exam papers of a portfolio as files: the tableau de synthèse (xlsx, PDF), the fiches of the bloc 2 réalisations
 * (PDF), and for teachers one ZIP of every student's papers. Each export leaves an audit line in the course it was
 * asked from.
 */
@ApplicationScoped
@Transactional
public class PortfolioExports {

    /** One student's file: its name and bytes. */
    public record Paper(String fileName, String mediaType, byte[] content) {
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PDF = "application/pdf";
    static final String ZIP = "application/zip";

    @Inject
    Portfolios portfolios;

    @Inject
    ExamPapers papers;

    @Inject
    CourseStudents students;

    @Inject
    Audit audit;

    /** {@code kind}: tableau.xlsx, tableau.pdf, fiches.pdf or fiches.xlsx. */
    public Paper export(PortfolioOwner owner, long courseId, long callerUserId, String role, String kind) {
        audit.record(new AuditEvent.Exported(courseId, callerUserId, role, "portfolio-" + kind));
        return paper(owner, courseId, kind);
    }

    /** Every student's tableau (xlsx and PDF) and fiches, named NOM_Prenom_…, in one ZIP. */
    public Paper classZip(Portfolios.TeacherInCourse teacher) {
        audit.record(new AuditEvent.Exported(teacher.courseId(), teacher.userId(), "TEACHER", "portfolio-class.zip"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<String> used = new HashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (CourseStudents.Student student : students.of(teacher.courseId(), false)) {
                PortfolioOwner owner = new PortfolioOwner(teacher.platformId(), student.userId());
                ExamPapers.Header header = papers.header(owner, teacher.courseId());
                String prefix = unique(used, prefix(header, student.userId()));
                for (String kind : List.of("tableau.xlsx", "tableau.pdf", "fiches.pdf", "fiches.xlsx")) {
                    Paper paper = paper(owner, teacher.courseId(), kind);
                    zip.putNextEntry(new ZipEntry(prefix + "_" + paper.fileName()));
                    zip.write(paper.content());
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Paper("portfolios-bts.zip", ZIP, bytes.toByteArray());
    }

    private Paper paper(PortfolioOwner owner, long courseId, String kind) {
        ExamPapers.Header header = papers.header(owner, courseId);
        Catalogue catalogue = portfolios.catalogue();
        List<RealisationView> realisations = portfolios.realisations(owner);
        return switch (kind) {
            case "tableau.xlsx" -> new Paper("tableau-de-synthese.xlsx", XLSX,
                    TableauXlsx.of(Tableau.of(header, catalogue, realisations)));
            case "tableau.pdf" -> new Paper("tableau-de-synthese.pdf", PDF,
                    PdfPapers.tableau(Tableau.of(header, catalogue, realisations)));
            case "fiches.pdf" -> new Paper("fiches-bloc-2.pdf", PDF,
                    PdfPapers.fiches(Fiche.of(header, catalogue, realisations)));
            case "fiches.xlsx" -> new Paper("fiches-bloc-2.xlsx", XLSX,
                    FichesXlsx.of(Fiche.of(header, catalogue, realisations)));
            default -> throw Portfolios.notFound();
        };
    }

    /** NOM_Prenom in plain ASCII (file names travel badly otherwise), or Etudiant_{id} without a name. */
    static String prefix(ExamPapers.Header header, long userId) {
        String name = header.familyName().isBlank() ? header.fullName()
                : header.familyName().toUpperCase(Locale.FRENCH) + "_" + header.givenName();
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9]+", "_").replaceAll("(^_+|_+$)", "");
        return ascii.isEmpty() ? "Etudiant_" + userId : ascii;
    }

    private static String unique(Set<String> used, String prefix) {
        String name = prefix;
        for (int n = 2; !used.add(name); n++) {
            name = prefix + "_" + n;
        }
        return name;
    }
}
