/* Dynamic registration done: tell the platform to close its registration window
   (https://www.imsglobal.org/spec/lti-dr/v1p0#step-4-registration-completed-and-activation). */
document.getElementById('lti-close').addEventListener('click', function () {
  (window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
});
