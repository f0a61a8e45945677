/**
 * File formats of référentiels (1EdTech CASE 1.0, Moodle competency-framework CSV, the project's own
 * JSON): each reads into or writes from a {@link fr.competences.referential.ReferentielTree}, and reading checks the
 * whole file, reporting every problem with its line or item before anything is stored. No database, no HTTP.
 * <p>May use: {@code errors}, {@code input}, {@code referential}.
 */
package fr.competences.referential.exchange;
