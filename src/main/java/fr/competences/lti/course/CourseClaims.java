package fr.competences.lti.course;

/**
 * What a launch says about its course: the context claim's label and title, the NRPS
 * {@code context_memberships_url}, the AGS {@code lineitems} URL and scopes (space separated). Any may be null.
 */
public record CourseClaims(String label, String title, String membershipsUrl, String lineItemsUrl, String agsScopes) {
}
