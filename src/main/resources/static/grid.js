/* The teacher's grid: students × skills, compact enough for Moodle's frame (sticky header row and names), entered
   from the keyboard alone (one Tab stop, arrows inside: roving focus), saved automatically and atomically; a row
   changed meanwhile by a colleague refuses the save (409) instead of being overwritten. Each row's grade is the
   server's (POST grade-preview: the code that computes the grades sent to Moodle), asked for as levels change. */
(function () {
  'use strict';
  var root = document.getElementById('grid');
  if (!root) { return; }
  var api = window.CompetencesApi;
  var T = JSON.parse(root.dataset.texts || '{}');
  var base = '/api/activities/' + root.dataset.activityId;
  var wrapper = document.getElementById('grid-wrapper');
  var notices = document.getElementById('grid-notices');
  var status = document.getElementById('grid-status');
  var current = document.getElementById('grid-current');
  var alertBox = document.getElementById('grid-alert');
  var sortButton = document.getElementById('grid-sort');
  var filter = document.getElementById('grid-filter-incomplete');
  var filterCount = document.getElementById('grid-filter-count');
  var SAVE_DELAY = 2000;
  var GRADE_DELAY = 250; // grades asked once the teacher pauses, not at every key
  var grid = null;       // the API's grid: activity, scale, rows, roster
  var view = [];         // the rows shown, in order: all, or those not yet positioned on every skill
  var grades = {};       // the rows' levels (as JSON) -> the grade the server computed for them, null: none assessed
  var gradesAsked = {};  // the same keys, while their grade is being asked
  var gradeTimer = null;
  var lastGrade = {};    // studentUserId -> the grade last shown, kept on screen while the new one is asked
  var shorts = JSON.parse(root.dataset.shorts || '{}'); // level -> its initial, as the legend shows it
  var evidence = {};     // studentUserId -> pieces of evidence handed in
  var edits = {};        // studentUserId -> { levels: {code: level|null}, comment: string|undefined }
  var saving = null;     // the edits being sent
  var timer = null;      // a save is scheduled while this is set
  var lastSaved = null;  // when the last save succeeded
  var byGivenName = false;
  var undoStack = [];    // the teacher's last actions before save, each a list of {row, code, before}
  var batch = null;      // the action being recorded
  var focus = { row: 0, col: 0 };

  function skills() { return grid.activity.skills; }
  function columns() { return skills().length + 1; } // + comment
  function label(level) { return level === null || level === undefined ? T.not_assessed : grid.scale.levels[level].label; }
  function short(level) { return level === null || level === undefined ? '—' : (shorts[level] || String(level)); }

  function levelOf(row, code) {
    var mine = edits[row.studentUserId], sent = saving && saving[row.studentUserId];
    if (mine && code in mine.levels) { return mine.levels[code]; }
    if (sent && code in sent.levels) { return sent.levels[code]; }
    return row.levels[code] === undefined ? null : row.levels[code];
  }
  function commentOf(row) {
    var mine = edits[row.studentUserId], sent = saving && saving[row.studentUserId];
    if (mine && mine.comment !== undefined) { return mine.comment; }
    if (sent && sent.comment !== undefined) { return sent.comment; }
    return row.comment || '';
  }
  function edit(row) {
    return edits[row.studentUserId] || (edits[row.studentUserId] = { levels: {}, comment: undefined });
  }

  /* A row's levels on screen, every skill named (null: not assessed): what its grade is computed from. */
  function levelsShown(row) {
    var levels = {};
    skills().forEach(function (skill) { levels[skill.code] = levelOf(row, skill.code); });
    return levels;
  }
  function gradeKey(row) { return JSON.stringify(levelsShown(row)); }
  /* Not yet positioned on every skill of the activity. */
  function incomplete(row) {
    return skills().some(function (skill) { return levelOf(row, skill.code) === null; });
  }

  /* Asks the server the grades of the levels on screen it has not computed yet (each distinct set of levels once). */
  function askGrades() {
    clearTimeout(gradeTimer);
    gradeTimer = null;
    var keys = [];
    grid.rows.forEach(function (row) {
      var key = gradeKey(row);
      if (!(key in grades) && !(key in gradesAsked) && keys.indexOf(key) < 0) { keys.push(key); }
    });
    if (keys.length === 0) { return; }
    keys.forEach(function (key) { gradesAsked[key] = true; });
    api.call('POST', base + '/grade-preview', { rows: keys.map(function (key) { return { levels: JSON.parse(key) }; }) })
      .then(function (answer) {
        answer.body.rows.forEach(function (row, i) { grades[keys[i]] = row.score === undefined ? null : row.score; });
      }).catch(function () { /* the grades shown stay as they were; the next change asks again */ })
      .then(function () {
        keys.forEach(function (key) { delete gradesAsked[key]; });
        showGrades();
      });
  }

  function showGrades() {
    var missing = false;
    root.querySelectorAll('td.grade').forEach(function (td) {
      var row = view[Number(td.dataset.gradeRow)];
      var key = gradeKey(row);
      var known = key in grades;
      if (known) { lastGrade[row.studentUserId] = grades[key]; } else { missing = true; }
      var grade = lastGrade[row.studentUserId] === undefined ? null : lastGrade[row.studentUserId];
      td.textContent = formatGrade(grade);
      td.classList.toggle('pending', !known);
      td.setAttribute('aria-busy', String(!known));
      td.setAttribute('aria-label', api.format(T.grade_cell, [row.name, formatGrade(grade),
        grid.activity.scoreMaximum]));
    });
    if (missing && !gradeTimer) { gradeTimer = setTimeout(askGrades, GRADE_DELAY); }
  }

  function showCount() {
    filterCount.textContent = api.format(T.filter_count, [grid.rows.filter(incomplete).length, grid.rows.length]);
  }
  function formatGrade(grade) {
    return grade === null ? '—' : grade.toLocaleString(document.documentElement.lang, { maximumFractionDigits: 2 });
  }

  function notice(text) {
    var p = document.createElement('p');
    p.className = 'notice';
    p.textContent = text;
    notices.appendChild(p);
  }

  function sortRows() {
    grid.rows.sort(function (a, b) {
      return byGivenName ? a.givenOrder - b.givenOrder : a.familyOrder - b.familyOrder;
    });
    sortButton.textContent = byGivenName ? T.sort_family : T.sort_given;
    sortButton.setAttribute('aria-pressed', String(byGivenName));
  }

  function render() {
    root.textContent = '';
    notices.textContent = '';
    root.setAttribute('aria-busy', 'false');
    if (grid.roster && !grid.roster.offered) { notice(T.no_roster); }
    if (grid.roster && grid.roster.problem) { notice(api.format(T.roster_problem, [grid.roster.problem])); }
    if (grid.rows.length === 0) {
      if (!grid.roster || grid.roster.offered) { notice(T.no_student); }
      document.getElementById('grid-save').disabled = true;
      return;
    }
    document.getElementById('grid-save').disabled = false;
    if (grid.rows.some(function (row) { return !row.named; })) { notice(T.anonymous); }
    sortRows();
    view = filter.checked ? grid.rows.filter(incomplete) : grid.rows.slice();
    showCount();
    if (view.length === 0) { notice(T.filter_none); return; }
    focus.row = Math.min(focus.row, view.length - 1);
    var table = document.createElement('table');
    table.className = 'grid';
    table.setAttribute('role', 'grid');
    table.setAttribute('aria-labelledby', 'activity-title');
    table.setAttribute('aria-describedby', 'grid-help');
    var head = table.createTHead().insertRow();
    var corner = document.createElement('th');
    corner.scope = 'col'; corner.className = 'corner'; corner.textContent = T.student;
    head.appendChild(corner);
    skills().forEach(function (skill) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.className = 'skill';
      th.title = skill.title + (skill.weight !== 1 ? ' — ' + api.format(T.weight, [skill.weight]) : '');
      var code = document.createElement('abbr');
      code.className = 'code'; code.title = skill.title; code.textContent = skill.code;
      th.appendChild(code);
      if (skill.weight !== 1) {
        var weight = document.createElement('span');
        weight.className = 'weight'; weight.textContent = '×' + skill.weight;
        th.appendChild(weight);
      }
      head.appendChild(th);
    });
    var gradeHead = document.createElement('th');
    gradeHead.scope = 'col'; gradeHead.className = 'grade';
    gradeHead.textContent = api.format(T.grade, [grid.activity.scoreMaximum]);
    head.appendChild(gradeHead);
    var commentHead = document.createElement('th');
    commentHead.scope = 'col'; commentHead.className = 'comment'; commentHead.textContent = T.comment;
    head.appendChild(commentHead);
    var body = table.createTBody();
    view.forEach(function (row, r) {
      var tr = body.insertRow();
      tr.dataset.student = row.studentUserId;
      var th = document.createElement('th');
      th.scope = 'row';
      var name = document.createElement('span');
      name.className = 'name'; name.textContent = row.name;
      th.appendChild(name);
      var handedIn = evidence[row.studentUserId] || 0;
      if (handedIn) { th.appendChild(badge('evidence', T.evidence_badge, api.format(T.evidence_title, [handedIn]))); }
      var selfCount = Object.keys(row.selfLevels || {}).length;
      if (selfCount) { th.appendChild(badge('self-assessed', T.self_badge, api.format(T.self_title, [selfCount]))); }
      tr.appendChild(th);
      skills().forEach(function (skill, c) {
        var td = tr.insertCell();
        td.setAttribute('role', 'gridcell');
        td.dataset.row = r; td.dataset.col = c; td.dataset.code = skill.code;
        td.addEventListener('click', function () { move(r, c); });
      });
      var grade = tr.insertCell();
      grade.className = 'grade';
      grade.dataset.gradeRow = r;
      var comment = tr.insertCell();
      comment.setAttribute('role', 'gridcell');
      comment.className = 'comment';
      comment.dataset.row = r; comment.dataset.col = skills().length;
      comment.addEventListener('click', function () { move(r, skills().length); });
      comment.addEventListener('dblclick', function () { editComment(comment, row); });
    });
    table.addEventListener('keydown', onKey);
    root.appendChild(table);
    refresh();
    fit();
  }

  function badge(kind, text, title) {
    var span = document.createElement('span');
    span.className = 'marker ' + kind;
    span.textContent = text;
    span.title = title;
    var hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = ' (' + title + ')';
    span.appendChild(hidden);
    return span;
  }

  /* Redraws every cell's value (cheap: a few hundred cells) and keeps one cell in the tab order. */
  function refresh() {
    root.querySelectorAll('td[role=gridcell]').forEach(function (td) {
      var row = view[Number(td.dataset.row)];
      var col = Number(td.dataset.col);
      td.tabIndex = Number(td.dataset.row) === focus.row && col === focus.col ? 0 : -1;
      var dirty = edits[row.studentUserId] || (saving && saving[row.studentUserId]);
      if (td.classList.contains('comment')) {
        if (td.querySelector('textarea')) { return; }
        var text = commentOf(row);
        td.textContent = text;
        td.title = text;
        td.classList.toggle('dirty', !!(dirty && dirty.comment !== undefined));
        td.setAttribute('aria-label', api.format(T.cell, [row.name, T.comment, text || '—']));
        return;
      }
      var code = td.dataset.code;
      var level = levelOf(row, code);
      td.textContent = '';
      var pill = document.createElement('span');
      pill.className = 'level level-' + (level === null ? 'none' : level);
      pill.dataset.level = level === null ? '' : String(level);
      pill.textContent = short(level);
      pill.title = label(level);
      td.appendChild(pill);
      var self = (row.selfLevels || {})[code];
      if (self !== undefined) {
        var mark = document.createElement('span');
        mark.className = 'self';
        mark.textContent = T.self_badge + ' ' + short(self);
        mark.title = api.format(T.self, [label(self)]);
        td.appendChild(mark);
      }
      td.classList.toggle('dirty', !!(dirty && code in dirty.levels));
      td.setAttribute('aria-label', api.format(T.cell, [row.name, code, label(level)])
        + (self !== undefined ? ' — ' + api.format(T.self, [label(self)]) : ''));
    });
    showGrades();
    showCount();
    showStatus();
    describeCurrent();
  }

  /* What the status line says is what is true: a save is promised only when one is scheduled. */
  function showStatus() {
    var changed = Object.keys(edits).length;
    if (saving || !changed) { return; }
    status.textContent = api.format(timer ? T.unsaved : T.unsaved_waiting, [changed]);
  }

  /* The focused cell in words: the skill's title and the self-assessment, which the compact cells abbreviate. */
  function describeCurrent() {
    var row = view[focus.row];
    if (!row) { current.textContent = ''; return; }
    if (focus.col >= skills().length) { current.textContent = row.name + ' · ' + T.comment; return; }
    var skill = skills()[focus.col];
    var self = (row.selfLevels || {})[skill.code];
    current.textContent = row.name + ' · ' + skill.code + ' ' + skill.title + ' : ' + label(levelOf(row, skill.code))
      + (self !== undefined ? ' — ' + api.format(T.self, [label(self)]) : '');
  }

  function cell(r, c) { return root.querySelector('td[data-row="' + r + '"][data-col="' + c + '"]'); }
  function move(r, c) {
    focus.row = Math.max(0, Math.min(view.length - 1, r));
    focus.col = Math.max(0, Math.min(columns() - 1, c));
    refresh();
    cell(focus.row, focus.col).focus();
  }
  function next() {
    if (focus.col < skills().length - 1) { move(focus.row, focus.col + 1); }
    else if (focus.row < view.length - 1) { move(focus.row + 1, 0); }
  }

  /* One undoable action (a key, a fill) gathers the cells it changes; Ctrl+Z puts them back as they were. */
  function action(change) {
    batch = [];
    change();
    if (batch.length) { undoStack.push(batch); }
    if (undoStack.length > 100) { undoStack.shift(); }
    batch = null;
  }
  function undo() {
    var last = undoStack.pop();
    if (!last) { return; }
    last.slice().reverse().forEach(function (change) { set(change.row, change.code, change.before); });
    refresh();
    var first = last[0];
    var r = view.indexOf(first.row);
    var c = skills().map(function (s) { return s.code; }).indexOf(first.code);
    if (r >= 0 && c >= 0) { move(r, c); }
    status.textContent = api.format(T.undone, [last.length]);
  }

  function set(row, code, level) {
    if (batch) { batch.push({ row: row, code: code, before: levelOf(row, code) }); }
    var stored = row.levels[code] === undefined ? null : row.levels[code];
    var mine = edit(row);
    mine.levels[code] = level;
    if (level === stored && !(saving && saving[row.studentUserId] && code in saving[row.studentUserId].levels)) {
      delete mine.levels[code];
      if (Object.keys(mine.levels).length === 0 && mine.comment === undefined) { delete edits[row.studentUserId]; }
    }
    schedule();
  }

  function levelForKey(event) {
    var digit = /^(Digit|Numpad)([0-9])$/.exec(event.code || '');
    var value = digit ? Number(digit[2]) : (/^[0-9]$/.test(event.key) ? Number(event.key) : null);
    if (value !== null) { return value < grid.scale.levels.length ? value : undefined; }
    var key = (event.key || '').toLowerCase();
    var match = grid.scale.levels.filter(function (level) {
      return level.label.charAt(0).toLowerCase() === key;
    });
    return match.length === 1 ? match[0].value : undefined;
  }

  function onKey(event) {
    var td = event.target.closest('td[role=gridcell]');
    if (!td || event.target.tagName === 'TEXTAREA') { return; }
    var r = Number(td.dataset.row), c = Number(td.dataset.col);
    var row = view[r];
    var handled = true;
    switch (event.key) {
      case 'ArrowRight': move(r, c + 1); break;
      case 'ArrowLeft': move(r, c - 1); break;
      case 'ArrowDown': move(r + 1, c); break;
      case 'ArrowUp': move(r - 1, c); break;
      case 'Home': move(event.ctrlKey ? 0 : r, 0); break;
      case 'End': move(event.ctrlKey ? view.length - 1 : r, columns() - 1); break;
      case 'PageDown': move(r + 10, c); break;
      case 'PageUp': move(r - 10, c); break;
      case 'Enter':
        if (td.classList.contains('comment')) { editComment(td, row); } else { move(r + 1, c); }
        break;
      case 'Delete': case 'Backspace': case '-':
        if (td.classList.contains('comment')) { handled = false; break; }
        action(function () { set(row, td.dataset.code, null); }); refresh(); next();
        break;
      default:
        handled = false;
        if (!td.classList.contains('comment') && !event.ctrlKey && !event.metaKey && !event.altKey) {
          var level = levelForKey(event);
          if (level !== undefined) {
            action(function () { set(row, td.dataset.code, level); }); refresh(); next(); handled = true;
          }
        }
    }
    if (handled) { event.preventDefault(); }
  }

  function editComment(td, row) {
    if (td.querySelector('textarea')) { return; }
    var area = document.createElement('textarea');
    area.value = commentOf(row);
    area.rows = 3; area.maxLength = 2000;
    area.setAttribute('aria-label', api.format(T.cell, [row.name, T.comment, '']));
    td.textContent = '';
    td.appendChild(area);
    area.focus();
    var done = false;
    function finish(keep) {
      if (done) { return; }
      done = true;
      if (keep && area.value !== commentOf(row)) {
        edit(row).comment = area.value;
        schedule();
      }
      td.textContent = '';
      refresh();
      td.focus();
    }
    area.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { event.preventDefault(); finish(false); }
      if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); finish(true); }
    });
    area.addEventListener('blur', function () { finish(true); });
  }

  /* Bulk fill from the toolbar: the current cell's whole row or whole column. */
  function fill(whole) {
    if (!grid || view.length === 0) { status.textContent = T.fill_no_cell; return; }
    var choice = document.getElementById('grid-fill-level').value;
    var level = choice === 'none' ? null : Number(choice);
    var row = view[focus.row];
    action(function () {
      if (whole === 'row') {
        skills().forEach(function (skill) { set(row, skill.code, level); });
      } else {
        var code = skills()[Math.min(focus.col, skills().length - 1)].code;
        view.forEach(function (r) { set(r, code, level); }); // the students shown: all, or those filtered
      }
    });
    refresh();
    status.textContent = whole === 'row' ? api.format(T.filled_row, [row.name, label(level)])
      : api.format(T.filled_column, [skills()[Math.min(focus.col, skills().length - 1)].code, label(level)]);
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY);
  }

  function save() {
    clearTimeout(timer);
    timer = null;
    if (saving) { schedule(); return; }
    var ids = Object.keys(edits);
    if (ids.length === 0) { status.textContent = lastSaved ? api.format(T.saved, [lastSaved]) : T.nothing; return; }
    saving = edits;
    edits = {};
    var rows = ids.map(function (id) {
      var row = grid.rows.filter(function (r) { return String(r.studentUserId) === id; })[0];
      var change = saving[id];
      return { studentUserId: row.studentUserId, version: row.version, levels: change.levels,
        comment: change.comment === undefined ? null : change.comment };
    });
    status.textContent = T.saving;
    api.call('PUT', base + '/grid', { rows: rows }).then(function (answer) {
      answer.body.rows.forEach(function (saved) {
        var row = grid.rows.filter(function (r) { return r.studentUserId === saved.studentUserId; })[0];
        row.version = saved.version; row.levels = saved.levels; row.comment = saved.comment;
      });
      saving = null;
      undoStack = []; // saved: undoing now would be a new change, made in the grid like any other
      alertBox.hidden = true;
      lastSaved = new Date().toLocaleTimeString(document.documentElement.lang);
      status.textContent = api.format(T.saved, [lastSaved]);
      refresh();
      if (Object.keys(edits).length && !timer) { schedule(); }
    }).catch(function (error) {
      // Nothing was saved: the changes stay on screen, marked, until saved or reloaded; no save is scheduled.
      Object.keys(saving).forEach(function (id) {
        var kept = edits[id];
        edits[id] = saving[id];
        if (kept) {
          Object.keys(kept.levels).forEach(function (code) { edits[id].levels[code] = kept.levels[code]; });
          if (kept.comment !== undefined) { edits[id].comment = kept.comment; }
        }
      });
      saving = null;
      clearTimeout(timer);
      timer = null;
      api.showProblem(alertBox, error);
      if (error.status === 409) {
        var reload = document.createElement('button');
        reload.type = 'button'; reload.textContent = T.conflict_reload;
        reload.addEventListener('click', function () { edits = {}; alertBox.hidden = true; load(); });
        alertBox.appendChild(reload);
      }
      refresh();
      status.textContent = api.format(T.error, [error.message]) + ' '
        + api.format(T.unsaved_waiting, [Object.keys(edits).length]);
    });
  }

  /* The grid's scroll box takes the frame's height left below it, so the header row and the save button both stay
     in view; the page scrolls for the rest (help, evidence, history). */
  function fit() {
    var top = wrapper.getBoundingClientRect().top + window.scrollY;
    var actions = document.querySelector('.grid-actions').getBoundingClientRect().height;
    wrapper.style.maxHeight = Math.max(200, window.innerHeight - top - actions - 8) + 'px';
  }

  function load() {
    root.setAttribute('aria-busy', 'true');
    var evidenceRead = api.call('GET', base + '/evidence').then(function (answer) {
      evidence = {};
      answer.body.forEach(function (piece) { evidence[piece.studentUserId] = (evidence[piece.studentUserId] || 0) + 1; });
    }).catch(function () { evidence = {}; }); // markers only: the grid works without them
    return Promise.all([api.call('GET', base + '/grid'), evidenceRead]).then(function (answers) {
      grid = answers[0].body;
      grid.rows.forEach(function (row, i) { row.familyOrder = i; });
      render();
    }).catch(function (error) { api.showProblem(alertBox, error); });
  }

  function loadHistory() {
    var list = document.getElementById('history');
    api.call('GET', base + '/grid/history').then(function (answer) {
      list.textContent = '';
      if (answer.body.length === 0) {
        var none = document.createElement('li');
        none.textContent = T.history_empty;
        list.appendChild(none);
      }
      answer.body.forEach(function (change) {
        var item = document.createElement('li');
        var when = new Date(change.changedAt).toLocaleString(document.documentElement.lang);
        var what = change.code === null ? T.history_comment
          : change.code + ' : ' + label(change.oldLevel) + ' → ' + label(change.newLevel);
        item.textContent = when + ' — ' + change.changedByName + ' — ' + change.studentName + ' — ' + what
          + (change.comment ? ' « ' + change.comment + ' »' : '');
        list.appendChild(item);
      });
    }).catch(function (error) { api.showProblem(alertBox, error); });
  }

  function loadEvidence() {
    var list = document.getElementById('evidence');
    api.call('GET', base + '/evidence').then(function (answer) {
      list.textContent = '';
      if (answer.body.length === 0) {
        var none = document.createElement('li');
        none.textContent = T.evidence_empty;
        list.appendChild(none);
      }
      answer.body.forEach(function (piece) {
        var item = document.createElement('li');
        var student = grid.rows.filter(function (r) { return r.studentUserId === piece.studentUserId; })[0];
        item.appendChild(document.createTextNode((student ? student.name : '#' + piece.studentUserId) + ' — '));
        if (piece.kind === 'TEXT') {
          item.appendChild(document.createTextNode(piece.text));
        } else {
          var link = document.createElement('a');
          link.textContent = piece.kind === 'LINK' ? piece.url : piece.fileName;
          link.href = piece.kind === 'LINK' ? piece.url
            : '/api/evidence/' + piece.id + '/file?lti_session=' + encodeURIComponent(api.token());
          link.rel = 'noopener noreferrer';
          if (piece.kind === 'LINK') { link.target = '_blank'; }
          item.appendChild(link);
        }
        list.appendChild(item);
      });
    }).catch(function (error) { api.showProblem(alertBox, error); });
  }

  sortButton.addEventListener('click', function () {
    if (!grid) { return; }
    var student = view[focus.row] && view[focus.row].studentUserId;
    byGivenName = !byGivenName;
    render();
    view.forEach(function (row, i) { if (row.studentUserId === student) { focus.row = i; } });
    refresh();
  });
  /* The filter is applied when switched, not at every level typed: a row the teacher completes stays in place
     until then, and the count beside the filter follows the grid live. */
  filter.addEventListener('change', function () {
    if (!grid) { return; }
    focus.row = 0;
    render();
  });
  document.getElementById('grid-fill-row').addEventListener('click', function () { fill('row'); });
  document.getElementById('grid-fill-column').addEventListener('click', function () { fill('column'); });
  document.getElementById('evidence-load').addEventListener('click', loadEvidence);
  document.getElementById('grid-save').addEventListener('click', save);
  document.getElementById('history-load').addEventListener('click', loadHistory);
  document.addEventListener('keydown', function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') { event.preventDefault(); save(); }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && grid
        && event.target.tagName !== 'TEXTAREA' && event.target.tagName !== 'INPUT') {
      event.preventDefault(); undo();
    }
  });
  window.addEventListener('resize', function () { if (grid) { fit(); } });
  window.addEventListener('beforeunload', function (event) {
    if (Object.keys(edits).length || saving) { event.preventDefault(); event.returnValue = T.leave; }
  });
  load();
})();
