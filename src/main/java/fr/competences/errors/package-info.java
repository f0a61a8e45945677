/**
 * How refusals reach users: {@link fr.competences.errors.ProblemException} carries a status and a message in
 * French and English; mappers render it as RFC 9457 problem details for the API or as a page for browsers, and log
 * unexpected errors with an incident number instead of showing a stack trace.
 * <p>May use: {@code view}.
 */
package fr.competences.errors;
