/**
 * Server-rendered pages (Mustache templates, French first, English from the launch or on request) and their assets.
 * Calls the capabilities' stores; holds no business rule.
 */
package fr.competences.web;
