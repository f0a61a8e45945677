/**
 * A Moodle-like LTI 1.3 platform and a simulated browser, for driving the real launch flow over HTTP against the
 * running jar: the platform signs id_tokens shaped like Moodle's and is as strict as Moodle's auth.php and
 * registration endpoint (docs/moodle.md); the browser keeps cookies as browsers do (localhost is a secure
 * context), has a localStorage, and replays the steps of the tool's {@code assets/lti.js}.
 */
package fr.competences.lti.platform;
