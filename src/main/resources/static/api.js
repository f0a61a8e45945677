/* Compétences LTI: the pages' calls to the JSON API, authenticated by the launch session token (a header,
   never a cookie: that is also what protects them from cross-site requests). */
window.CompetencesApi = (function () {
  'use strict';
  function token() {
    var holder = document.getElementById('lti-session');
    return holder ? holder.dataset.token : '';
  }
  function format(text, values) {
    return String(text).replace(/\{(\d)\}/g, function (all, i) { return values[i] === undefined ? all : values[i]; });
  }
  /* Resolves with the JSON answer; rejects with an Error carrying status and the problem details (RFC 9457). */
  function call(method, path, body, headers) {
    var init = { method: method, headers: {
      'Accept': 'application/json', 'X-Lti-Session': token(),
      'Accept-Language': document.documentElement.lang || 'fr' } };
    Object.keys(headers || {}).forEach(function (name) { init.headers[name] = headers[name]; });
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        if (!response.ok) {
          var error = new Error(json && json.detail ? json.detail : 'HTTP ' + response.status);
          error.status = response.status;
          error.problem = json || {};
          throw error;
        }
        return { status: response.status, body: json, etag: response.headers.get('ETag') };
      });
    });
  }
  /* Fills an alert box with a refusal: its detail and each itemised problem. */
  function showProblem(box, error) {
    box.textContent = '';
    var detail = document.createElement('p');
    detail.textContent = error.message;
    box.appendChild(detail);
    var errors = (error.problem && error.problem.errors) || [];
    if (errors.length) {
      var list = document.createElement('ul');
      errors.forEach(function (problem) {
        var item = document.createElement('li');
        item.textContent = problem.message;
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    box.hidden = false;
    box.focus();
  }
  return { call: call, format: format, showProblem: showProblem, token: token };
})();
