/**
 * MicroProfile Health probes (/health/ready, /health/live).
 * <p>May use: {@code persistence}.
 */
package fr.competences.health;
