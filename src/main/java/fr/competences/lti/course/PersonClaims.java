package fr.competences.lti.course;

/** The personal data a launch may carry (OpenID Connect standard claims); each may be absent (null). */
public record PersonClaims(String name, String givenName, String familyName, String email) {
}
