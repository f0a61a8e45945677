/**
 * 1EdTech Assignment and Grade Services 2.0, tool side (https://www.imsglobal.org/spec/lti-ags/v2p0/): OAuth 2
 * access tokens by client assertion ({@link fr.competences.lti.ags.AccessTokens}), line items, scores and results.
 * Moodle's quirks (docs/moodle.md P-6…P-11) are handled here: query strings in line item URLs, typographic quotes in
 * Link headers, a 0 grade without {@code resultScore}. Tokens are never logged.
 * <p>May use: {@code lti.keys}, {@code lti.outbound}, {@code lti.registration}.
 */
package fr.competences.lti.ags;
