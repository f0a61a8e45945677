package fr.competences.lti.nrps;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.lti.ags.AgsFixture;
import fr.competences.lti.platform.MoodleServices;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MembershipsTest {

    @Test
    void readsEveryPageWithRolesAndStatus() {
        Set<String> scopes = new HashSet<>(MoodleServices.GRADE_SYNC_ONLY);
        scopes.add(MoodleServices.NRPS);
        try (AgsFixture fixture = new AgsFixture(scopes)) {
            for (int i = 1; i <= 450; i++) {
                fixture.moodle.enrol("2", "u" + i, "Étudiant " + i,
                        "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", i == 7 ? "Inactive" : "Active");
            }
            Memberships memberships = new Memberships();
            memberships.tokens = fixture.tokens;

            var members = memberships.list(fixture.platform, fixture.moodle.membershipsUrl("2")); // limit 200: 3 pages

            assertThat(members).hasSize(450);
            assertThat(members.get(6)).extracting(Memberships.Member::userId, Memberships.Member::name,
                    Memberships.Member::status).containsExactly("u7", "Étudiant 7", "Inactive");
            assertThat(members.get(0).roles()).containsExactly("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner");
        }
    }
}
