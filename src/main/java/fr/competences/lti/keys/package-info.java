/**
 * The tool's own secrets: its RSA signing keys (published at {@code /lti/jwks}, rotated by the admin API)
 * and the server-side HMAC secret that signs login states and session tokens. All live in the database,
 * never in the repository or the logs.
 * <p>May use: {@code admin}, {@code audit}, {@code errors}.
 */
package fr.competences.lti.keys;
