package fr.competences.lti;

import static fr.competences.lti.platform.Launch.INSTRUCTOR;
import static fr.competences.lti.platform.Launch.LEARNER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.it.TestApp;
import fr.competences.lti.platform.Browser;
import fr.competences.lti.platform.HtmlForm;
import fr.competences.lti.platform.Launch;
import fr.competences.lti.platform.Launch.User;
import fr.competences.lti.platform.Page;
import fr.competences.lti.platform.TestPlatform;
import fr.competences.lti.platform.ToolRegistration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two platforms, and two deployments on one of them, that use the same course id and the same user ids: each
 * sees only its own course, and rights in one course give nothing in another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IsolationContract {

    static final String SAME_COURSE = "42";
    static final String SAME_USER = "7";

    TestPlatform lycee;
    TestPlatform other;
    ToolRegistration lyceeTool;
    ToolRegistration otherTool;

    abstract TestApp app();

    @BeforeAll
    void registerTwoPlatforms() {
        lycee = TestPlatform.start();
        other = TestPlatform.start();
        lyceeTool = Registrar.register(app(), lycee, "1", "2");
        otherTool = Registrar.register(app(), other, "1");
    }

    @AfterAll
    void stopPlatforms() {
        lycee.close();
        other.close();
    }

    @Test
    void sameCourseIdOnAnotherPlatformIsAnotherCourse() {
        new Browser().launch(other, Launch.resourceLink(otherTool, User.named("8", "Eve", "Autre"), LEARNER,
                SAME_COURSE, "L1"));

        Page lyceeCourse = new Browser().launch(lycee, teacher(lyceeTool, SAME_COURSE));
        Page otherCourse = new Browser().launch(other, teacher(otherTool, SAME_COURSE));

        assertThat(lyceeCourse.body()).contains("Jean Prof").doesNotContain("Eve Autre");
        assertThat(otherCourse.body()).contains("Jean Prof", "Eve Autre");
    }

    @Test
    void sameCourseIdInAnotherDeploymentIsAnotherCourse() {
        new Browser().launch(lycee, Launch.resourceLink(lyceeTool, User.named("9", "Bob", "Deux"), LEARNER,
                SAME_COURSE, "L1").inDeployment("2"));

        Page deploymentOne = new Browser().launch(lycee, teacher(lyceeTool, SAME_COURSE));
        Page deploymentTwo = new Browser().launch(lycee, teacher(lyceeTool, SAME_COURSE).inDeployment("2"));

        assertThat(deploymentOne.body()).doesNotContain("Bob Deux");
        assertThat(deploymentTwo.body()).contains("Bob Deux");
    }

    @Test
    void aTeacherCannotGrantRightsInAnotherPlatformsCourse() {
        Browser otherTeacher = new Browser();
        new Browser().launch(other, Launch.resourceLink(otherTool, User.named("10", "Zoe", "Cible"), LEARNER,
                SAME_COURSE, "L1"));
        HtmlForm grantInOther = LtiLaunchContract.memberForm(otherTeacher.launch(other, teacher(otherTool, SAME_COURSE)),
                "Zoe Cible");
        Page lyceeCourse = new Browser().launch(lycee, teacher(lyceeTool, SAME_COURSE));
        String lyceeSession = LtiLaunchContract.session(lyceeCourse);

        Page refused = new Browser().submit(new HtmlForm("POST",
                grantInOther.action().replaceAll("lti_session=[^&]+", "lti_session=" + lyceeSession),
                grantInOther.fields()));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(otherTeacher.launch(other, teacher(otherTool, SAME_COURSE)).body()).doesNotContain("droits donnés");
    }

    @Test
    void teacherInOneCourseIsOnlyAStudentInAnother() {
        User both = User.named(SAME_USER, "Jean", "Prof");
        Page teacherCourse = new Browser().launch(lycee, Launch.resourceLink(lyceeTool, both, INSTRUCTOR, "43", "L1"));
        Page studentCourse = new Browser().launch(lycee, Launch.resourceLink(lyceeTool, both, LEARNER, "44", "L1"));

        assertThat(teacherCourse.uri().getPath()).isEqualTo("/course");
        assertThat(studentCourse.uri().getPath()).isEqualTo("/activity");
        assertThat(app().get("/course?lti_session=" + LtiLaunchContract.session(studentCourse), "Accept", "text/html")
                .statusCode()).isEqualTo(403);
    }

    private static Launch teacher(ToolRegistration tool, String course) {
        return Launch.resourceLink(tool, User.named(SAME_USER, "Jean", "Prof"), INSTRUCTOR, course, "L1");
    }
}
