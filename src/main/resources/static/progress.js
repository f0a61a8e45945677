/* Compétences LTI: the progress page's bars. Each segment's width is its share of the bloc's skills, read from
   data-share: set from here because the Content-Security-Policy forbids inline style attributes. */
(function () {
  'use strict';
  document.querySelectorAll('.stack .segment[data-share]').forEach(function (segment) {
    segment.style.flexGrow = segment.dataset.share;
  });
  // the class grid's printable version (for the conseil de classe): the print stylesheet lays it out
  var print = document.getElementById('print-page');
  if (print) { print.addEventListener('click', function () { window.print(); }); }
})();
