/* The teacher's grid: students × skills, entered from the keyboard alone (roving focus), saved automatically and
   atomically; a row changed meanwhile by a colleague refuses the save (409) instead of being overwritten. */
(function () {
  'use strict';
  var root = document.getElementById('grid');
  if (!root) { return; }
  var api = window.CompetencesApi;
  var T = JSON.parse(root.dataset.texts || '{}');
  var base = '/api/activities/' + root.dataset.activityId;
  var status = document.getElementById('grid-status');
  var alertBox = document.getElementById('grid-alert');
  var SAVE_DELAY = 2000;
  var grid = null;       // the API's grid: activity, scale, rows
  var edits = {};        // studentUserId -> { levels: {code: level|null}, comment: string|undefined }
  var saving = null;     // the edits being sent
  var timer = null;
  var focus = { row: 0, col: 0 };

  function skills() { return grid.activity.skills; }
  function columns() { return skills().length + 1; } // + comment
  function label(level) { return level === null || level === undefined ? T.not_assessed : grid.scale.levels[level].label; }

  function pendingOf(row, from) {
    var edit = from[row.studentUserId];
    return edit || null;
  }
  function levelOf(row, code) {
    var mine = pendingOf(row, edits), sent = saving && pendingOf(row, saving);
    if (mine && code in mine.levels) { return mine.levels[code]; }
    if (sent && code in sent.levels) { return sent.levels[code]; }
    return row.levels[code] === undefined ? null : row.levels[code];
  }
  function commentOf(row) {
    var mine = pendingOf(row, edits), sent = saving && pendingOf(row, saving);
    if (mine && mine.comment !== undefined) { return mine.comment; }
    if (sent && sent.comment !== undefined) { return sent.comment; }
    return row.comment || '';
  }
  function edit(row) {
    return edits[row.studentUserId] || (edits[row.studentUserId] = { levels: {}, comment: undefined });
  }

  function option(select, value, text) {
    var element = document.createElement('option');
    element.value = value; element.textContent = text;
    select.appendChild(element);
  }
  function fillSelect(placeholder, labelText, apply) {
    var select = document.createElement('select');
    select.className = 'fill';
    select.setAttribute('aria-label', labelText);
    option(select, '', placeholder);
    grid.scale.levels.forEach(function (level) { option(select, String(level.value), level.value + ' · ' + level.label); });
    option(select, 'none', T.not_assessed);
    select.addEventListener('change', function () {
      if (select.value === '') { return; }
      apply(select.value === 'none' ? null : Number(select.value));
      select.value = '';
    });
    return select;
  }

  function render() {
    root.textContent = '';
    root.setAttribute('aria-busy', 'false');
    if (grid.rows.length === 0) {
      var none = document.createElement('p');
      none.className = 'notice';
      none.textContent = T.no_student;
      root.appendChild(none);
      return;
    }
    if (grid.rows.some(function (row) { return !row.named; })) {
      var anonymous = document.createElement('p');
      anonymous.className = 'notice';
      anonymous.textContent = T.anonymous;
      root.appendChild(anonymous);
    }
    var table = document.createElement('table');
    table.className = 'grid';
    table.setAttribute('role', 'grid');
    table.setAttribute('aria-labelledby', 'activity-title');
    table.setAttribute('aria-describedby', 'grid-help');
    var head = table.createTHead().insertRow();
    var corner = document.createElement('th');
    corner.scope = 'col'; corner.textContent = T.student;
    head.appendChild(corner);
    skills().forEach(function (skill) {
      var th = document.createElement('th');
      th.scope = 'col';
      var code = document.createElement('abbr');
      code.className = 'code'; code.title = skill.title; code.textContent = skill.code;
      th.appendChild(code);
      if (skill.weight !== 1) {
        var weight = document.createElement('span');
        weight.className = 'weight muted small'; weight.textContent = ' ×' + skill.weight;
        weight.title = api.format(T.weight, [skill.weight]);
        th.appendChild(weight);
      }
      var title = document.createElement('span');
      title.className = 'skill-title'; title.textContent = skill.title;
      th.appendChild(title);
      th.appendChild(fillSelect(T.fill_column, api.format(T.fill_column_label, [skill.code]), function (level) {
        grid.rows.forEach(function (row) { set(row, skill.code, level); });
        refresh();
      }));
      head.appendChild(th);
    });
    var commentHead = document.createElement('th');
    commentHead.scope = 'col'; commentHead.textContent = T.comment;
    head.appendChild(commentHead);
    var body = table.createTBody();
    grid.rows.forEach(function (row, r) {
      var tr = body.insertRow();
      tr.dataset.student = row.studentUserId;
      var th = document.createElement('th');
      th.scope = 'row';
      var name = document.createElement('span');
      name.className = 'name'; name.textContent = row.name;
      th.appendChild(name);
      th.appendChild(fillSelect(T.fill_row, api.format(T.fill_row_label, [row.name]), function (level) {
        skills().forEach(function (skill) { set(row, skill.code, level); });
        refresh();
      }));
      tr.appendChild(th);
      skills().forEach(function (skill, c) {
        var td = tr.insertCell();
        td.setAttribute('role', 'gridcell');
        td.dataset.row = r; td.dataset.col = c; td.dataset.code = skill.code;
        td.addEventListener('click', function () { move(r, c); });
      });
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
  }

  /* Redraws every cell's value (cheap: a few hundred cells) and keeps one cell in the tab order. */
  function refresh() {
    root.querySelectorAll('td[role=gridcell]').forEach(function (td) {
      var row = grid.rows[Number(td.dataset.row)];
      var col = Number(td.dataset.col);
      td.tabIndex = Number(td.dataset.row) === focus.row && col === focus.col ? 0 : -1;
      var dirty = edits[row.studentUserId] || (saving && saving[row.studentUserId]);
      if (td.classList.contains('comment')) {
        if (td.querySelector('textarea')) { return; }
        var text = commentOf(row);
        td.textContent = text;
        td.classList.toggle('dirty', !!(dirty && dirty.comment !== undefined));
        td.setAttribute('aria-label', api.format(T.cell, [row.name, T.comment, text || '—']));
        return;
      }
      var code = td.dataset.code;
      var level = levelOf(row, code);
      td.textContent = '';
      var pill = document.createElement('span');
      pill.className = 'level level-' + (level === null ? 'none' : level);
      pill.textContent = level === null ? '—' : label(level);
      td.appendChild(pill);
      var self = row.selfLevels[code];
      if (self !== undefined) {
        var mark = document.createElement('span');
        mark.className = 'self';
        mark.textContent = T.self_short + ' ' + self;
        mark.title = api.format(T.self, [label(self)]);
        td.appendChild(mark);
      }
      td.classList.toggle('dirty', !!(dirty && code in dirty.levels));
      td.setAttribute('aria-label', api.format(T.cell, [row.name, code, label(level)])
        + (self !== undefined ? ' — ' + api.format(T.self, [label(self)]) : ''));
    });
    var changed = Object.keys(edits).length;
    if (changed && !saving) { status.textContent = api.format(T.unsaved, [changed]); }
  }

  function cell(r, c) { return root.querySelector('td[data-row="' + r + '"][data-col="' + c + '"]'); }
  function move(r, c) {
    focus.row = Math.max(0, Math.min(grid.rows.length - 1, r));
    focus.col = Math.max(0, Math.min(columns() - 1, c));
    refresh();
    cell(focus.row, focus.col).focus();
  }
  function next() {
    if (focus.col < skills().length - 1) { move(focus.row, focus.col + 1); }
    else if (focus.row < grid.rows.length - 1) { move(focus.row + 1, 0); }
  }

  function set(row, code, level) {
    var current = row.levels[code] === undefined ? null : row.levels[code];
    var mine = edit(row);
    mine.levels[code] = level;
    if (level === current && !(saving && saving[row.studentUserId] && code in saving[row.studentUserId].levels)) {
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
    var row = grid.rows[r];
    var handled = true;
    switch (event.key) {
      case 'ArrowRight': move(r, c + 1); break;
      case 'ArrowLeft': move(r, c - 1); break;
      case 'ArrowDown': move(r + 1, c); break;
      case 'ArrowUp': move(r - 1, c); break;
      case 'Home': move(event.ctrlKey ? 0 : r, 0); break;
      case 'End': move(event.ctrlKey ? grid.rows.length - 1 : r, columns() - 1); break;
      case 'Enter':
        if (td.classList.contains('comment')) { editComment(td, row); } else { move(r + 1, c); }
        break;
      case 'Delete': case 'Backspace': case '-':
        if (td.classList.contains('comment')) { handled = false; break; }
        set(row, td.dataset.code, null); refresh(); next();
        break;
      default:
        handled = false;
        if (!td.classList.contains('comment') && !event.ctrlKey && !event.metaKey && !event.altKey) {
          var level = levelForKey(event);
          if (level !== undefined) { set(row, td.dataset.code, level); refresh(); next(); handled = true; }
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

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY);
  }

  function save() {
    clearTimeout(timer);
    if (saving) { schedule(); return; }
    var ids = Object.keys(edits);
    if (ids.length === 0) { status.textContent = T.nothing; return; }
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
      alertBox.hidden = true;
      status.textContent = api.format(T.saved, [new Date().toLocaleTimeString(document.documentElement.lang)]);
      refresh();
      if (Object.keys(edits).length) { schedule(); }
    }).catch(function (error) {
      // Nothing was saved: the changes stay on screen, marked, until saved or reloaded.
      Object.keys(saving).forEach(function (id) {
        var kept = edits[id];
        edits[id] = saving[id];
        if (kept) {
          Object.keys(kept.levels).forEach(function (code) { edits[id].levels[code] = kept.levels[code]; });
          if (kept.comment !== undefined) { edits[id].comment = kept.comment; }
        }
      });
      saving = null;
      status.textContent = api.format(T.error, [error.message]);
      api.showProblem(alertBox, error);
      if (error.status === 409) {
        var reload = document.createElement('button');
        reload.type = 'button'; reload.textContent = T.conflict_reload;
        reload.addEventListener('click', function () { edits = {}; alertBox.hidden = true; load(); });
        alertBox.appendChild(reload);
      }
      refresh();
    });
  }

  function load() {
    root.setAttribute('aria-busy', 'true');
    return api.call('GET', base + '/grid').then(function (answer) {
      grid = answer.body;
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
      answer.body.forEach(function (evidence) {
        var item = document.createElement('li');
        var student = grid.rows.filter(function (r) { return r.studentUserId === evidence.studentUserId; })[0];
        item.appendChild(document.createTextNode((student ? student.name : '#' + evidence.studentUserId) + ' — '));
        if (evidence.kind === 'TEXT') {
          item.appendChild(document.createTextNode(evidence.text));
        } else {
          var link = document.createElement('a');
          link.textContent = evidence.kind === 'LINK' ? evidence.url : evidence.fileName;
          link.href = evidence.kind === 'LINK' ? evidence.url
            : '/api/evidence/' + evidence.id + '/file?lti_session=' + encodeURIComponent(api.token());
          link.rel = 'noopener noreferrer';
          if (evidence.kind === 'LINK') { link.target = '_blank'; }
          item.appendChild(link);
        }
        list.appendChild(item);
      });
    }).catch(function (error) { api.showProblem(alertBox, error); });
  }

  document.getElementById('evidence-load').addEventListener('click', loadEvidence);
  document.getElementById('grid-save').addEventListener('click', save);
  document.getElementById('history-load').addEventListener('click', loadHistory);
  document.addEventListener('keydown', function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') { event.preventDefault(); save(); }
  });
  window.addEventListener('beforeunload', function (event) {
    if (Object.keys(edits).length || saving) { event.preventDefault(); event.returnValue = T.leave; }
  });
  load();
})();
