// The one script of the batch index, as the browser runs it (plain ES5-level JavaScript, no
// template literals, so that it can sit in a string here). It sorts and filters the table of
// reports (a code's button at the top fills the filter), and draws each agency's chart with
// Chart.js, which the page carries inline: all of them from the start, a few at a time so that the
// page stays responsive with thousands of agencies, and the rest at once before printing, so that
// a full-page capture or a print never shows an empty box.

export const INDEX_SCRIPT = String.raw`(function () {
  'use strict';
  var table = document.getElementById('reports');
  var tbody = table.tBodies[0];
  var items = Array.prototype.map.call(tbody.rows, function (row, i) {
    return { row: row, order: i, text: row.textContent.toLowerCase() };
  });
  var filter = document.getElementById('filter');
  var onlyProblems = document.getElementById('only-problems');
  var shown = document.getElementById('shown');

  function applyFilter() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var n = 0;
    items.forEach(function (it) {
      var show = words.every(function (w) { return it.text.indexOf(w) >= 0; }) &&
        (!onlyProblems.checked || it.row.classList.contains('problem'));
      it.row.hidden = !show;
      if (show) n++;
    });
    shown.textContent = n + ' of ' + items.length + ' shown';
  }
  filter.addEventListener('input', applyFilter);
  onlyProblems.addEventListener('change', applyFilter);
  Array.prototype.forEach.call(document.querySelectorAll('button[data-filter]'), function (button) {
    button.addEventListener('click', function () {
      filter.value = button.getAttribute('data-filter');
      applyFilter();
      table.scrollIntoView();
    });
  });

  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var collator = new Intl.Collator('zh', { numeric: true });
  heads.forEach(function (th, col) {
    var button = th.querySelector('button');
    if (!button) return;
    button.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      heads.forEach(function (h) { if (h.hasAttribute('aria-sort')) h.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', dir);
      var numeric = button.getAttribute('data-type') === 'number';
      var sign = dir === 'ascending' ? 1 : -1;
      items.forEach(function (it) {
        var cell = it.row.cells[col];
        it.key = (cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent).trim();
      });
      items.sort(function (a, b) {
        var x = a.key, y = b.key;
        // Empty cells go last whichever the direction; ties keep the batch's order.
        if (x === '' || y === '') return (x === '') - (y === '') || a.order - b.order;
        var c = numeric ? Number(x) - Number(y) : collator.compare(x, y);
        return sign * c || a.order - b.order;
      });
      var rows = document.createDocumentFragment();
      items.forEach(function (it) { rows.appendChild(it.row); });
      tbody.appendChild(rows);
    });
  });
  applyFilter();

  var data = JSON.parse(document.getElementById('agency-data').textContent);
  var figures = Array.prototype.slice.call(document.querySelectorAll('figure.chart'));
  var colours = ['#1f65b8', '#2e7d32', '#b58a00'];
  /** A 0 stands as a bar this many pixels high, so that it is not taken for a value not stated (no bar). */
  var ZERO_BAR = 3;
  /** Milliseconds of drawing at a time before the page gets a turn. */
  var SLICE = 30;
  function draw(figure) {
    var agency = data[Number(figure.getAttribute('data-i'))];
    new window.Chart(figure.querySelector('canvas'), {
      type: 'bar',
      data: {
        labels: agency.years.map(String),
        datasets: agency.series.map(function (s, i) {
          return { label: s.label, data: s.values, backgroundColor: colours[i % colours.length], minBarLength: ZERO_BAR };
        })
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 10, font: { size: 11 } } } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
    figure.setAttribute('data-drawn', 'true');
  }
  if (!window.Chart) return;
  var pending = figures.slice();
  function drawSome() {
    var start = Date.now();
    while (pending.length > 0 && Date.now() - start < SLICE) draw(pending.shift());
    if (pending.length > 0) setTimeout(drawSome, 0);
  }
  window.addEventListener('beforeprint', function () {
    while (pending.length > 0) draw(pending.shift());
  });
  drawSome();
})();
`;