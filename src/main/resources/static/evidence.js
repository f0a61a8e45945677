/* Student's evidence: sends the chosen file as the request body (its type is checked by the server from the
   content), then reloads the page to list it. Texts and links are plain forms. */
(function () {
  'use strict';
  var form = document.getElementById('evidence-file');
  if (!form) { return; }
  var api = window.CompetencesApi;
  var T = JSON.parse(form.dataset.texts || '{}');
  var input = document.getElementById('evidence-file-input');
  var status = document.getElementById('evidence-status');
  var errors = document.getElementById('evidence-errors');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    errors.hidden = true;
    var file = input.files[0];
    if (!file) { api.showProblem(errors, { message: T.file_missing, problem: {} }); return; }
    if (file.size > Number(form.dataset.max) * 1024 * 1024) {
      api.showProblem(errors, { message: api.format(T.file_too_large, [form.dataset.max]), problem: {} });
      return;
    }
    status.textContent = T.uploading;
    fetch('/api/activities/' + form.dataset.activityId + '/evidence/files?name=' + encodeURIComponent(file.name), {
      method: 'POST', body: file,
      headers: { 'Content-Type': 'application/octet-stream', 'Accept': 'application/json',
        'X-Lti-Session': api.token(), 'Accept-Language': document.documentElement.lang }
    }).then(function (response) {
      if (response.ok) {
        window.location.assign(window.location.pathname + '?lti_session=' + api.token()
          + (document.documentElement.lang === 'en' ? '&lang=en' : '') + '&t=' + Date.now() + '#preuves');
        return null;
      }
      return response.json().catch(function () { return {}; }).then(function (problem) {
        status.textContent = '';
        api.showProblem(errors, { message: problem.detail || 'HTTP ' + response.status, problem: problem });
      });
    });
  });
})();
