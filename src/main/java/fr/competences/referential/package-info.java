/**
 * Référentiels of competencies: bloc &gt; compétence &gt; savoir-faire with stable codes, as a tree
 * ({@link fr.competences.referential.ReferentielTree}) and stored ({@link fr.competences.referential.Referentiels}).
 * Their files are read and written by {@code exchange}, the API and the built-in référentiel are in {@code boundary}.
 * Knows nothing of LTI, activities or grades.
 * <p>May use: {@code admin}, {@code audit}, {@code config}, {@code errors}.
 */
package fr.competences.referential;
