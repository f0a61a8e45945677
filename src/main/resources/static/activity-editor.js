/* Activity editor: pick skills in the référentiel tree (weights beside them), then create (deep linking: one or
   several activities, answer auto-posted to the platform in field JWT), attach to the launched link, or edit. */
(function () {
  'use strict';
  var form = document.getElementById('activity-editor');
  if (!form) { return; }
  var api = window.CompetencesApi;
  var T = JSON.parse(form.dataset.texts || '{}');
  var mode = form.dataset.mode;
  var selected = [];   // [{code, title, weight}] in the teacher's order
  var pending = [];    // deep linking: activities prepared before the current one
  var tbody = form.querySelector('#selected-skills tbody');
  var errors = document.getElementById('editor-errors');
  var status = document.getElementById('editor-status');
  var titleInput = document.getElementById('title');

  function box(code) { return document.getElementById('skill-' + code); }

  function render() {
    tbody.textContent = '';
    selected.forEach(function (skill) {
      var row = document.createElement('tr');
      var code = document.createElement('td');
      code.innerHTML = '<span class="code"></span>';
      code.firstChild.textContent = skill.code;
      var title = document.createElement('td');
      title.textContent = skill.title;
      var weightCell = document.createElement('td');
      var weight = document.createElement('input');
      weight.type = 'number'; weight.min = '0.5'; weight.max = '100'; weight.step = '0.5'; weight.value = skill.weight;
      weight.className = 'weight';
      weight.setAttribute('aria-label', api.format(T.weight_of, [skill.code]));
      weight.addEventListener('input', function () { skill.weight = weight.value; });
      weightCell.appendChild(weight);
      var removeCell = document.createElement('td');
      var remove = document.createElement('button');
      remove.type = 'button'; remove.textContent = '×'; remove.className = 'remove';
      remove.setAttribute('aria-label', api.format(T.remove, [skill.code]));
      remove.addEventListener('click', function () { toggle(skill.code, false); (box(skill.code) || titleInput).focus(); });
      removeCell.appendChild(remove);
      [code, title, weightCell, removeCell].forEach(function (cell) { row.appendChild(cell); });
      tbody.appendChild(row);
    });
    document.getElementById('no-skill').hidden = selected.length > 0;
    form.querySelector('#selected-skills').hidden = selected.length === 0;
    form.querySelectorAll('.picker input[type=checkbox]').forEach(function (checkbox) {
      checkbox.checked = selected.some(function (s) { return s.code === checkbox.value; });
    });
  }

  function toggle(code, on, weight) {
    selected = selected.filter(function (s) { return s.code !== code; });
    if (on) {
      var checkbox = box(code);
      selected.push({ code: code, title: checkbox ? checkbox.dataset.title : code, weight: weight || 1 });
    }
    render();
  }

  /* A compétence chosen whole already covers its savoir-faire: never both (the server refuses it too), and say why. */
  function competenceOf(checkbox) {
    var item = checkbox.closest('li.savoir-faire');
    return item ? item.closest('li.competence').querySelector(':scope > input[type=checkbox]') : null;
  }
  function choose(checkbox) {
    var whole = competenceOf(checkbox);
    if (checkbox.checked && whole && whole.checked) {
      checkbox.checked = false;
      status.textContent = api.format(T.part_of_chosen, [checkbox.value, whole.value]);
      return;
    }
    if (checkbox.checked && checkbox.parentElement.classList.contains('competence')) {
      var parts = [];
      checkbox.parentElement.querySelectorAll('li.savoir-faire input[type=checkbox]').forEach(function (part) {
        if (selected.some(function (s) { return s.code === part.value; })) { parts.push(part.value); }
      });
      selected = selected.filter(function (s) { return parts.indexOf(s.code) < 0; });
      if (parts.length) { status.textContent = api.format(T.parts_replaced, [checkbox.value, parts.join(', ')]); }
    }
    toggle(checkbox.value, checkbox.checked);
  }
  form.querySelectorAll('.picker input[type=checkbox]').forEach(function (checkbox) {
    checkbox.addEventListener('change', function () { choose(checkbox); });
  });

  function draft() {
    var score = parseInt(form.elements.scoreMaximum.value, 10);
    return {
      referentielCode: form.dataset.referentiel,
      title: titleInput.value,
      instructions: form.elements.instructions.value,
      scoreMaximum: isNaN(score) ? null : score,
      skills: selected.map(function (s) { var w = parseFloat(s.weight); return { code: s.code, weight: isNaN(w) ? null : w }; })
    };
  }

  function load(activity) {
    titleInput.value = activity.title || '';
    form.elements.instructions.value = activity.instructions || '';
    form.elements.scoreMaximum.value = activity.scoreMaximum || 20;
    selected = (activity.skills || []).map(function (s) { return { code: s.code, title: s.title, weight: s.weight }; });
    render();
  }

  function empty() { return !titleInput.value.trim() && selected.length === 0; }

  function localProblem() {
    if (!titleInput.value.trim()) { return { message: T.title_missing, field: titleInput }; }
    if (selected.length === 0) { return { message: T.skill_missing, field: form.querySelector('#filtre') }; }
    return null;
  }

  function refuse(problem) {
    api.showProblem(errors, { message: problem.message, problem: {} });
    problem.field.focus();
  }

  function renderPending() {
    var list = document.getElementById('pending');
    list.textContent = '';
    pending.forEach(function (activity, index) {
      var item = document.createElement('li');
      var strong = document.createElement('strong');
      strong.textContent = activity.title;
      item.appendChild(strong);
      item.appendChild(document.createTextNode(' — ' + api.format(T.pending_summary,
        [activity.skills.length, activity.scoreMaximum || 20]) + ' '));
      var remove = document.createElement('button');
      remove.type = 'button'; remove.textContent = '×';
      remove.setAttribute('aria-label', api.format(T.remove, [activity.title]));
      remove.addEventListener('click', function () { pending.splice(index, 1); renderPending(); titleInput.focus(); });
      item.appendChild(remove);
      list.appendChild(item);
    });
    document.getElementById('pending-section').hidden = pending.length === 0;
  }

  var another = document.getElementById('add-another');
  if (another) {
    another.addEventListener('click', function () {
      var problem = localProblem();
      if (problem) { refuse(problem); return; }
      errors.hidden = true;
      pending.push(draft());
      status.textContent = api.format(T.prepared, [titleInput.value.trim()]);
      load({});
      renderPending();
      titleInput.focus();
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    errors.hidden = true;
    var request;
    if (mode === 'deep-linking') {
      var all = pending.slice();
      if (!empty() || all.length === 0) {
        var problem = localProblem();
        if (problem) { refuse(problem); return; }
        all.push(draft());
      }
      status.textContent = T.sending;
      request = api.call('POST', '/api/deep-linking', { activities: all }).then(function (answer) {
        var back = document.getElementById('deep-link-return');
        back.action = answer.body.returnUrl;
        back.elements.JWT.value = answer.body.jwt;
        back.submit();
      });
    } else if (mode === 'create') {
      request = api.call('POST', '/api/activities?attachToLaunch=true', draft()).then(function () {
        window.location.assign(form.dataset.after.replace(/lti_session=[^&]*/, 'lti_session=' + api.token()));
      });
    } else {
      request = api.call('PUT', '/api/activities/' + form.dataset.activityId, draft(),
        { 'If-Match': '"' + form.dataset.version + '"' }).then(function () {
        window.location.assign(form.dataset.after.replace(/lti_session=[^&]*/, 'lti_session=' + api.token()));
      });
    }
    request.catch(function (error) { status.textContent = ''; api.showProblem(errors, error); });
  });

  if (form.dataset.activity) { load(JSON.parse(form.dataset.activity)); } else { render(); }
})();
