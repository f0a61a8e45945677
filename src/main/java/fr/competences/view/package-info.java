/**
 * The ground floor every capability may use to speak to people: the page renderer (Mustache templates and the UI
 * texts of {@code messages*.properties}) and the language of a request. Imports nothing of ours, so that
 * {@code errors}, {@code lti}, {@code assessment} or {@code progress} can render a page or choose a language without
 * depending on the {@code web} pages.
 * <p>May use: nothing of ours.
 */
package fr.competences.view;
