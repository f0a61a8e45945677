/**
 * What every HTTP exchange of the application gets, whatever the capability behind it: the security headers of every
 * response ({@link fr.competences.http.SecurityHeaders}), the client's address as a reverse proxy reports it
 * ({@link fr.competences.http.ClientAddress}) and the rate limits per client address
 * ({@link fr.competences.http.RateLimited}). Knows the registered platforms only to let them frame the tool.
 */
package fr.competences.http;
