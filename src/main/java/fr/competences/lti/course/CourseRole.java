package fr.competences.lti.course;

/** What a member may do in the tool, for one course. */
public enum CourseRole {
    TEACHER,
    STUDENT
}
