/**
 * Référentiels of competencies: bloc &gt; compétence &gt; savoir-faire with stable codes; browsing, import,
 * export and the built-in BTS SIO référentiel. Knows nothing of LTI, activities or grades.
 */
package fr.competences.referential;
