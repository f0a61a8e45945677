/**
 * Where référentiels come in and go out: the HTTP API (browse; import, export and delete for the admin) and the
 * built-in BTS SIO référentiel imported at first start. Both read or write files through {@code exchange}, which
 * itself reads into the {@code referential} model: this package sits above both.
 * <p>May use: {@code admin}, {@code config}, {@code errors}, {@code input}, {@code referential}, {@code referential.exchange}.
 */
package fr.competences.referential.boundary;
