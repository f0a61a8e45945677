package fr.competences.lti.session;

import fr.competences.lti.course.CourseRole;
import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks JAX-RS resources that need a tool session: the caller must present a valid session token, and hold one
 * of the roles listed (any member of the course when none is). E.g. {@code @LtiSession(CourseRole.TEACHER)}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LtiSession {

    CourseRole[] value() default {};
}
