/**
 * What the tool accepts from outside before any business code sees it: JSON read with a nesting limit and every
 * parser failure turned into a client error ({@link fr.competences.input.JsonInput}), request bodies bound to the
 * endpoints' types with a 400 problem for anything else ({@link fr.competences.input.JsonBodyInterceptor}), and each
 * endpoint's body capped at what it needs ({@link fr.competences.input.BodyLimit}).
 *
 * <p>May use: {@code errors}.
 */
package fr.competences.input;
