/**
 * What every HTTP exchange of the application gets, whatever the capability behind it: the security headers of every
 * response ({@link fr.competences.http.SecurityHeaders}), the client's address as a reverse proxy reports it
 * ({@link fr.competences.http.ClientAddress}) and the rate limits per client address
 * ({@link fr.competences.http.RateLimited}). Asks who may frame the tool through {@link fr.competences.http.FramingOrigins}, which the LTI registrations
 * implement, so that it depends on no capability. With {@code SERVER_TIMING=true}, what each answer cost
 * ({@link fr.competences.http.ServerTiming}: time, SQL statements).
 *
 * <p>May use: {@code errors}, {@code persistence}.
 */
package fr.competences.http;
