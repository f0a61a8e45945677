// Référentiel tree: filter by code or words, expand/collapse all. The page works without it (plain <details>).
(function () {
  'use strict';
  function normalize(text) {
    return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  }
  document.querySelectorAll('[data-tree-filter]').forEach(function (input) {
    var tree = document.getElementById(input.dataset.treeFilter);
    var status = document.getElementById('filter-status');
    var items = Array.prototype.slice.call(tree.querySelectorAll('li'));
    items.forEach(function (li) {
      var own = li.querySelector(':scope > details > summary') || li;
      li.dataset.text = normalize(own.textContent);
    });
    input.addEventListener('input', function () {
      var query = normalize(input.value.trim());
      var matches = items.filter(function (li) { return query !== '' && li.dataset.text.indexOf(query) >= 0; });
      items.forEach(function (li) {
        // Visible when it matches, sits under a match (context) or above one (path to it).
        li.hidden = query !== '' && !matches.some(function (m) { return m === li || m.contains(li) || li.contains(m); });
        var details = li.querySelector(':scope > details');
        if (details && query !== '' && !li.hidden) { details.open = true; }
      });
      status.textContent = query === '' ? '' :
        (matches.length === 0 ? tree.dataset.none : tree.dataset.found.replace('{0}', matches.length));
    });
  });
  document.querySelectorAll('[data-tree-expand]').forEach(function (button) {
    button.addEventListener('click', function () {
      var open = button.dataset.expand === 'true';
      document.getElementById(button.dataset.treeExpand).querySelectorAll('details')
        .forEach(function (d) { d.open = open; });
    });
  });
})();
