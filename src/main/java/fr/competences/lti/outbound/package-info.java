/**
 * The tool's HTTP requests to platforms (configuration, registration, JWKS, token endpoint, AGS, NRPS): every one
 * goes through {@link fr.competences.lti.outbound.OutboundHttp}, which refuses loopback, link-local and cloud
 * metadata addresses ({@code LTI_OUTBOUND_ALLOW_LOOPBACK}, {@code LTI_OUTBOUND_DENY_PRIVATE}), connects only to the
 * addresses it vetted, follows no redirect and bounds what it reads. Knows nothing of LTI messages.
 * <p>May use: nothing of ours.
 */
package fr.competences.lti.outbound;
