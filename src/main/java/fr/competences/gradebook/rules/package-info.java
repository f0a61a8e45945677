/**
 * How a course turns skill levels into grades: the activity grade rules as pure functions
 * ({@link fr.competences.gradebook.rules.GradeRules}), what they read ({@link fr.competences.gradebook.rules.Outcome}),
 * and each course's choices (grade rule, competency columns) in {@link fr.competences.gradebook.rules.CourseGrading}.
 * <p>May use: {@code assessment}.
 */
package fr.competences.gradebook.rules;
