/**
 * The audit trail: an append-only log of who did what (launches, positioning changes, grade deliveries and their
 * outcome, evidence added, removed and downloaded, teacher rights, exports, platform registrations, key changes,
 * admin API calls), kept for {@code AUDIT_RETENTION} and purged daily. Capabilities call
 * {@link fr.competences.audit.Audit#record} with an {@link fr.competences.audit.AuditEvent} inside the transaction of
 * the change they log; {@link fr.competences.audit.AuditLog} reads it. Depends on none of the capabilities it logs
 * (they depend on it): events carry ids and plain values, never entities, tokens, passwords or file contents.
 * Reading it (the course's page, its JSON and the admin API) is {@code fr.competences.audit.web}.
 *
 * <p>May use: nothing of ours: the capabilities it logs depend on it, never the reverse.
 */
package fr.competences.audit;
