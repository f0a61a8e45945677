/**
 * MicroProfile Health probes (/health/ready, /health/live).
 */
package fr.competences.health;
