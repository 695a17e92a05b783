// newsparse review index: sort by a column (click or Enter on its header),
// filter rows by any text they hold.
(function () {
  "use strict";
  var table = document.getElementById("rows");
  var body = table.tBodies[0];
  var filter = document.getElementById("filter");
  var shown = document.getElementById("shown");
  function key(row, col, numeric) {
    var cell = row.cells[col];
    var v = cell.getAttribute("data-v");
    if (v === null) { v = cell.textContent; }
    return numeric ? parseFloat(v) || 0 : v.toLowerCase();
  }
  table.querySelectorAll("th button").forEach(function (b, col) {
    b.addEventListener("click", function () {
      var th = b.parentNode;
      var numeric = th.classList.contains("n");
      var asc = th.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (x, y) {
        var a = key(x, col, numeric), c = key(y, col, numeric);
        return (a < c ? -1 : a > c ? 1 : 0) * (asc ? 1 : -1);
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  function apply() {
    var q = filter.value.toLowerCase(), n = 0;
    Array.prototype.forEach.call(body.rows, function (r) {
      var hit = r.textContent.toLowerCase().indexOf(q) >= 0;
      r.hidden = !hit; n += hit ? 1 : 0;
    });
    shown.textContent = n + " of " + body.rows.length + " shown";
  }
  filter.addEventListener("input", apply);
  apply();
})();
// Test hook: #test=sort:COL,filter:WORDS sorts by column COL (from 0) and
// filters, then writes the first shown row's first cell into the DOM.
(function () {
  "use strict";
  var hook = /^#test=sort:(\d+),filter:(.*)$/.exec(location.hash);
  if (!hook) { return; }
  document.querySelectorAll("#rows th button")[Number(hook[1])].click();
  var filter = document.getElementById("filter");
  filter.value = decodeURIComponent(hook[2]);
  filter.dispatchEvent(new Event("input"));
  var first = Array.prototype.filter.call(document.getElementById("rows").tBodies[0].rows,
    function (r) { return !r.hidden; })[0];
  var out = document.createElement("output");
  out.id = "test-result";
  out.hidden = true;
  out.setAttribute("data-first", first ? first.cells[0].textContent : "");
  document.body.appendChild(out);
})();
