package fr.competences.portfolio;

/** Whose portfolio: a student on a platform (the LTI user is the platform's issuer + sub), whatever the course. */
public record PortfolioOwner(long platformId, long userId) {
}
