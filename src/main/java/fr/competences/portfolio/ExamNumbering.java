package fr.competences.portfolio;

import fr.competences.errors.LocalizedText;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which exam units certify blocs 1 and 2: E4 and E5 in the 2019 règlement, E5 and E6 since the arrêté of
 * 8 July 2024. A setting ({@code PORTFOLIO_EXAM_NUMBERING}: {@code 2019} or {@code 2024}, the default), never written
 * in the pages: teams prepare candidates of both règlements while the change rolls out.
 */
@ApplicationScoped
public class ExamNumbering {

    private static final Logger LOG = Logger.getLogger(ExamNumbering.class.getName());

    /** The exam units' labels, for bloc 1 and for the option bloc 2. */
    public record Units(LocalizedText bloc1, LocalizedText bloc2) {
    }

    static final Units RULES_2019 = new Units(LocalizedText.of("E4 (règlement 2019)", "E4 (2019 rules)"),
            LocalizedText.of("E5 (règlement 2019)", "E5 (2019 rules)"));
    static final Units SINCE_2024 = new Units(LocalizedText.of("E5 (depuis 2024)", "E5 (since 2024)"),
            LocalizedText.of("E6 (depuis 2024)", "E6 (since 2024)"));

    @Inject
    @ConfigProperty(name = "portfolio.exam-numbering", defaultValue = "2024")
    String numbering;

    private Units units;

    /** Read once: a wrong setting is said once in the log, not at every page. */
    @PostConstruct
    void read() {
        units = of(numbering);
    }

    public Units units() {
        return units;
    }

    /** {@code 2019} or {@code 2024}; anything else is read as the current règlement (2024), and said in the log. */
    static Units of(String setting) {
        String value = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
        if (value.equals("2019")) {
            return RULES_2019;
        }
        if (!value.equals("2024")) {
            LOG.warning(() -> "PORTFOLIO_EXAM_NUMBERING vaut « " + setting + " », ni 2019 ni 2024 : la numérotation "
                    + "de 2024 est affichée");
        }
        return SINCE_2024;
    }
}
