/* Mon portfolio BTS: the fiche's form is sent to the JSON API (the same service as the plain form), then the
   coverage panel and the list of réalisations are taken from the page read again, so the student sees the gaps
   change without reloading. Without script, the form posts and the page reloads: same result. */
(function () {
  'use strict';
  var form = document.getElementById('realisation-form');
  if (!form || !window.fetch || !window.DOMParser) { return; }
  var api = window.CompetencesApi;
  var status = document.getElementById('realisation-status');
  var errors = document.getElementById('realisation-errors');

  function value(name) {
    var field = form.elements[name];
    return field && field.value !== undefined ? field.value : null;
  }

  function draft() {
    var skills = Array.prototype.filter.call(form.querySelectorAll('input[name="skill"]'), function (box) {
      return box.checked;
    }).map(function (box) { return box.value; });
    var team = form.querySelector('input[name="team"]:checked');
    return {
      setting: value('setting'), title: value('title'), description: value('description'),
      organisation: value('organisation'), place: value('place'), from: value('from'), to: value('to'),
      team: team !== null && team.value === 'team', conditions: value('conditions'),
      documentary: value('documentary'), hardware: value('hardware'), software: value('software'),
      productions: (value('productions') || '').split(/\r?\n/).filter(function (line) { return line.trim(); }),
      skills: skills
    };
  }

  /* The page as the server renders it now; its coverage and réalisations replace the ones shown. */
  function refresh() {
    var url = '/portfolio?lti_session=' + encodeURIComponent(api.token())
      + (document.documentElement.lang === 'en' ? '&lang=en' : '');
    return fetch(url, { headers: { 'Accept': 'text/html' } }).then(function (response) {
      return response.text();
    }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, 'text/html');
      ['coverage', 'realisations'].forEach(function (id) {
        var now = document.getElementById(id);
        var next = fresh.getElementById(id);
        if (now && next) { now.replaceWith(document.importNode(next, true)); }
      });
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    errors.hidden = true;
    var id = value('id');
    api.call(id ? 'PUT' : 'POST', '/api/portfolio/realisations' + (id ? '/' + id : ''), draft())
      .then(function () { return refresh(); })
      .then(function () {
        if (!id) { form.reset(); }
        status.textContent = form.dataset.saved || '';
      })
      .catch(function (error) { api.showProblem(errors, error); });
  });
})();
