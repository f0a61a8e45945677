/**
 * LTI Deep Linking 2.0, the tool's answer: content items ({@code ltiResourceLink} with custom parameters and a
 * line item) signed as an {@code LtiDeepLinkingResponse} and auto-posted back to the platform in the form field
 * {@code JWT}, as Moodle's {@code contentitem_return.php} reads it (docs/moodle.md P-14). Knows nothing of what the items
 * stand for: the pages build them from activities.
 * Spec: https://www.imsglobal.org/spec/lti-dl/v2p0
 * <p>May use: {@code lti}, {@code lti.keys}, {@code lti.registration}, {@code lti.session}.
 */
package fr.competences.lti.deeplinking;
