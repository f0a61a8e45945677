/* The gradebook page's table sorts by any column: a button in each heading (names in French order, grades as
   numbers, cells without a grade last), the order announced with aria-sort. */
(function () {
  'use strict';
  var table = document.querySelector('table.gradebook-matrix');
  if (!table) { return; }
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  var collator = new Intl.Collator(document.documentElement.lang || 'fr', { numeric: true });

  function key(row, column) {
    var cell = row.cells[column];
    if (column === 0) { return cell.textContent.trim(); }
    var score = cell.querySelector('.score');
    if (!score) { return null; }
    var value = parseFloat(score.textContent.replace(',', '.').replace(/\s/g, ''));
    return isNaN(value) ? null : value;
  }

  function sort(column) {
    var ascending = heads[column].getAttribute('aria-sort') !== 'ascending';
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, column), y = key(b, column);
      if (x === null || y === null) { return x === y ? 0 : x === null ? 1 : -1; }
      var order = column === 0 ? collator.compare(x, y) : x - y;
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(heads, function (th, i) {
      if (i === column) { th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending'); }
      else { th.removeAttribute('aria-sort'); }
    });
  }

  Array.prototype.forEach.call(heads, function (th, column) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    while (th.firstChild) { button.appendChild(th.firstChild); }
    th.appendChild(button);
    button.addEventListener('click', function () { sort(column); });
  });
})();
