package fr.competences.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.errors.ProblemException.Problem;
import fr.competences.referential.ReferentielTree;
import fr.competences.referential.boundary.BuiltInReferentiels;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivityDraftTest {

    static final Optional<ReferentielTree> BTS_SIO = Optional.of(BuiltInReferentiels.btsSioSlam());

    @Test
    void fillsDefaultsAndAcceptsACompetenceAndASavoirFaire() {
        ActivityDraft draft = new ActivityDraft(null, "  TP API REST ", " ", null, List.of(
                new ActivityDraft.SkillChoice("B2.1", null), new ActivityDraft.SkillChoice(" B1.1.5 ", 2.0)))
                .normalized();

        assertThat(draft.referentielCode()).isEqualTo("bts-sio-2019-slam");
        assertThat(draft.title()).isEqualTo("TP API REST");
        assertThat(draft.instructions()).isNull();
        assertThat(draft.scoreMaximum()).isEqualTo(20);
        assertThat(draft.skills()).containsExactly(new ActivityDraft.SkillChoice("B2.1", 1.0),
                new ActivityDraft.SkillChoice("B1.1.5", 2.0));
        assertThat(draft.problems(BTS_SIO)).isEmpty();
    }

    @Test
    void aCompetenceAndOneOfItsOwnSavoirFaireAreNotChosenTogether() {
        ActivityDraft draft = new ActivityDraft(null, "TP", null, null, List.of(
                new ActivityDraft.SkillChoice("B2.1", null), new ActivityDraft.SkillChoice("B2.1.3", null),
                new ActivityDraft.SkillChoice("B2.2.1", null))).normalized();

        assertThat(draft.problems(BTS_SIO)).extracting(Problem::location).containsExactly("skills[1]");
        assertThat(draft.problems(BTS_SIO).getFirst().message().fr()).isEqualTo("« B2.1.3 » fait partie de « B2.1 », "
                + "déjà choisie en entier : gardez la compétence ou ses savoir-faire, pas les deux.");
    }

    @Test
    void refusesWhatATeacherMustCorrectWithTheFieldsNamed() {
        ActivityDraft draft = new ActivityDraft("bts-sio-2019-slam", "", "x".repeat(4001), 0, List.of(
                new ActivityDraft.SkillChoice("B1", 1.0), new ActivityDraft.SkillChoice("B9.9", 1.0),
                new ActivityDraft.SkillChoice("B2.1", 0.0), new ActivityDraft.SkillChoice("B2.1", 1.0))).normalized();

        List<Problem> problems = draft.problems(BTS_SIO);

        assertThat(problems).extracting(Problem::location).containsExactly("title", "instructions", "scoreMaximum",
                "skills[0]", "skills[1]", "skills[2].weight", "skills[3]");
        assertThat(problems.get(3).message().fr()).isEqualTo(
                "« B1 » est un bloc : choisissez ses compétences ou ses savoir-faire.");
        assertThat(problems.get(6).message().en()).isEqualTo("\"B2.1\" is chosen twice.");
    }

    @Test
    void needsAtLeastOneSkillAndAKnownReferentiel() {
        ActivityDraft none = new ActivityDraft(null, "TP", null, 20, List.of()).normalized();

        assertThat(none.problems(BTS_SIO)).extracting(Problem::location).containsExactly("skills");
        assertThat(none.problems(Optional.empty())).extracting(Problem::location).containsExactly("referentielCode");
    }
}
