/**
 * Server-rendered pages (Mustache templates, French first, English from the launch or on request) and their assets.
 * Calls the capabilities' stores; holds no business rule.
 * <p>May use: {@code assessment}, {@code config}, {@code errors}, {@code evidence}, {@code gradebook..}, {@code input},
 * {@code lti}, {@code lti.course}, {@code lti.deeplinking}, {@code lti.registration}, {@code lti.roster}, {@code lti.session},
 * {@code referential..}, {@code view}.
 */
package fr.competences.web;
